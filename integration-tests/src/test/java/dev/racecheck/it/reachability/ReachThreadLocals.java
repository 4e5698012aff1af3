package dev.racecheck.it.reachability;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** ThreadLocal values once removed, or once their thread has ended. */
public final class ReachThreadLocals {
    static final ThreadLocal<Box> LOCAL = new ThreadLocal<>();
    static final InheritableThreadLocal<Box> INHERITED = new InheritableThreadLocal<>();

    public static void main(String[] args) throws Exception {
        Tracker t = new Tracker(args);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        removed(t);
        threadEnded(t);
        poolWorker(t, pool);
        inherited(t);
        droppedThreadLocal(t);
        t.await();
        pool.shutdown();
    }

    static void removed(Tracker t) {
        Box b = new Box();
        LOCAL.set(b);
        LOCAL.get().sync();
        LOCAL.remove();
        t.track("threadlocal: value removed", b);
    }

    static void threadEnded(Tracker t) throws InterruptedException {
        Box b = new Box();
        Thread w = new Thread(() -> {
            LOCAL.set(b);
            LOCAL.get().plain++;
        });
        w.start();
        w.join();
        t.track("threadlocal: value of a thread that ended", b);
    }

    static void poolWorker(Tracker t, ExecutorService pool) throws Exception {
        Box b = new Box();
        pool.submit(() -> {
            LOCAL.set(b);
            LOCAL.get().sync();
            LOCAL.remove();
        }).get();
        t.track("threadlocal: value a pool worker set and removed", b);
    }

    static void inherited(Tracker t) throws InterruptedException {
        Box b = new Box();
        INHERITED.set(b);
        Thread child = new Thread(() -> INHERITED.get().sync());
        child.start();
        child.join();
        INHERITED.remove();
        t.track("threadlocal: inherited value", b);
    }

    static void droppedThreadLocal(Tracker t) {
        ThreadLocal<int[]> local = ThreadLocal.withInitial(() -> new int[2]);
        int[] a = local.get();
        a[0]++;
        local.remove();
        t.track("threadlocal: a ThreadLocal dropped after remove()", local);
        t.track("threadlocal: its value", a);
    }
}
