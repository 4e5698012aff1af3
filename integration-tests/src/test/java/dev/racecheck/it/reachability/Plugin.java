package dev.racecheck.it.reachability;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

/**
 * A class {@link ReachClassUnload} loads in a class loader of its own and drops: instantiated, its static fields
 * (plain, volatile, through a VarHandle and a field updater held in static fields) and a static synchronized method
 * used from two threads. Never named by the probes' own code, so the application class loader never loads it.
 */
public final class Plugin implements Runnable {
    static int calls;
    static volatile int version;
    static final Object LOCK = new Object();
    static int[] table = new int[4];
    static final VarHandle COUNT;
    static final AtomicIntegerFieldUpdater<Plugin> STATE = AtomicIntegerFieldUpdater.newUpdater(Plugin.class, "state");

    static {
        try {
            COUNT = MethodHandles.lookup().findVarHandle(Plugin.class, "count", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    int count;
    volatile int state;

    static synchronized int call() {
        return ++calls;
    }

    @Override
    public void run() {
        int n = call();
        synchronized (LOCK) {
            table[n % table.length]++;
        }
        version++;
        COUNT.getAndAdd(this, 1);
        STATE.incrementAndGet(this);
    }
}
