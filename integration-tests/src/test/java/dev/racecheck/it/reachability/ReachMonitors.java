package dev.racecheck.it.reachability;

/** Monitors: synchronized blocks and methods, wait/notify, on the main thread and on a thread that stays alive. */
public final class ReachMonitors {
    public static void main(String[] args) throws Exception {
        Tracker t = new Tracker(args);
        Idle idle = new Idle();
        block(t);
        method(t);
        waitNotify(t);
        idleThread(t, idle);
        t.await();
        idle.release();
    }

    static void block(Tracker t) {
        Box b = new Box();
        t.track("monitor: synchronized block", b);
        b.syncGet();
    }

    static void method(Tracker t) {
        Box b = new Box();
        b.sync();
        t.track("monitor: synchronized method", b);
    }

    static void waitNotify(Tracker t) throws InterruptedException {
        Object lock = new Object();
        boolean[] ready = new boolean[1];
        Thread w = new Thread(() -> {
            synchronized (lock) {
                while (!ready[0]) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        });
        w.start();
        synchronized (lock) {
            ready[0] = true;
            lock.notifyAll();
        }
        w.join();
        t.track("monitor: wait/notify", lock);
    }

    static void idleThread(Tracker t, Idle idle) throws InterruptedException {
        Box b = new Box();
        Thread w = idle.start(b::sync);
        while (b.syncGet() == 0) Thread.sleep(1);
        t.track("monitor: used by a thread that stays alive", b);
    }
}
