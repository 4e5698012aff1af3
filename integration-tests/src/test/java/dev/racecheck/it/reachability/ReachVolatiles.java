package dev.racecheck.it.reachability;

/** Volatile fields, read and written on the main thread and on a thread that stays alive. */
public final class ReachVolatiles {
    static final class Node {
        volatile Node self;
        volatile long stamp;
    }

    public static void main(String[] args) throws Exception {
        Tracker t = new Tracker(args);
        Idle idle = new Idle();
        mainThread(t);
        idleWriter(t, idle);
        selfReference(t);
        t.await();
        idle.release();
    }

    static void mainThread(Tracker t) {
        Box b = new Box();
        b.flag = 1;
        int seen = b.flag;
        t.track("volatile: written and read by main", b);
    }

    static void idleWriter(Tracker t, Idle idle) throws InterruptedException {
        Box b = new Box();
        idle.start(() -> b.flag = 1);
        while (b.flag == 0) Thread.sleep(1);
        t.track("volatile: written by a thread that stays alive", b);
    }

    static void selfReference(Tracker t) {
        Node n = new Node();
        n.self = n;
        n.stamp = 3;
        t.track("volatile: a volatile field referring to its own object", n);
    }
}
