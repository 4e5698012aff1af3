package dev.racecheck.it.reachability;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;

/** Atomics, field updaters and VarHandles, and the objects they act on. */
public final class ReachAtomics {
    static final class Counter {
        volatile int count;
        int plain;

        static final AtomicIntegerFieldUpdater<Counter> COUNT =
                AtomicIntegerFieldUpdater.newUpdater(Counter.class, "count");
        static final VarHandle PLAIN;

        static {
            try {
                PLAIN = MethodHandles.lookup().findVarHandle(Counter.class, "plain", int.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }
    }

    static final VarHandle INTS = MethodHandles.arrayElementVarHandle(int[].class);

    public static void main(String[] args) throws Exception {
        Tracker t = new Tracker(args);
        atomicInteger(t);
        atomicReference(t);
        updater(t);
        varHandle(t);
        varHandleMadeAndDropped(t);
        arrayHandle(t);
        atomicArrays(t);
        t.await();
    }

    static void atomicInteger(Tracker t) throws InterruptedException {
        AtomicInteger n = new AtomicInteger();
        Thread w = new Thread(n::incrementAndGet);
        w.start();
        n.incrementAndGet();
        w.join();
        t.track("atomic: AtomicInteger used by two threads", n);
    }

    static void atomicReference(Tracker t) {
        AtomicReference<Box> ref = new AtomicReference<>();
        Box b = new Box();
        ref.set(b);
        ref.get().plain++;
        ref.compareAndSet(b, b);
        t.track("atomic: AtomicReference", ref);
        t.track("atomic: the value of an AtomicReference", b);
    }

    static void updater(Tracker t) throws InterruptedException {
        Counter c = new Counter();
        Thread w = new Thread(() -> Counter.COUNT.incrementAndGet(c));
        w.start();
        w.join();
        Counter.COUNT.get(c);
        t.track("atomic: object of an AtomicIntegerFieldUpdater", c);
    }

    static void varHandle(Tracker t) {
        Counter c = new Counter();
        Counter.PLAIN.setRelease(c, 3);
        int seen = (int) Counter.PLAIN.getAcquire(c);
        Counter.PLAIN.set(c, seen + 1);
        t.track("atomic: object of a VarHandle held in a static field", c);
    }

    static void varHandleMadeAndDropped(Tracker t) throws ReflectiveOperationException {
        VarHandle h = MethodHandles.lookup().findVarHandle(Box.class, "plain", int.class);
        Box b = new Box();
        h.setVolatile(b, 1);
        int seen = (int) h.getVolatile(b);
        t.track("atomic: a VarHandle made and dropped", h);
        t.track("atomic: object of a dropped VarHandle", b);
    }

    static void arrayHandle(Tracker t) {
        int[] a = new int[4];
        INTS.setRelease(a, 1, 5);
        int seen = (int) INTS.getAcquire(a, 1);
        t.track("atomic: array of an array-element VarHandle", a);
    }

    static void atomicArrays(Tracker t) {
        AtomicIntegerArray ints = new AtomicIntegerArray(4);
        ints.incrementAndGet(2);
        AtomicReferenceArray<Box> refs = new AtomicReferenceArray<>(2);
        Box b = new Box();
        refs.set(0, b);
        refs.get(0).plain++;
        t.track("atomic: AtomicIntegerArray", ints);
        t.track("atomic: AtomicReferenceArray", refs);
        t.track("atomic: element of an AtomicReferenceArray", b);
    }
}
