package dev.racecheck.it.predict;

/**
 * Conflicting critical sections order the accesses. t1: x = 1; sync(M) { y = 1 }. t2 (after t1, no edge):
 * sync(M) { r = y }; if (r == 1) x = 2. t2 writes x only when its read saw t1's write of y inside M, i.e. only
 * when its section came after t1's, which comes after t1's x = 1. If t2's section ran first it would read 0 and
 * not write x. No reordering (and no execution) makes the writes adjacent.
 * Expected: no race
 */
public class NoPredictConflictingCS {
    static final Object M = new Object();
    static int x, y;

    public static void main(String[] args) {
        Thread t1 = new Thread(() -> {
            x = 1;
            synchronized (M) {
                y = 1;
            }
        }, "t1");
        Thread t2 = new Thread(() -> {
            Probe.awaitTerminated(t1);
            int r;
            synchronized (M) {
                r = y;
            }
            if (r == 1) x = 2;
        }, "t2");
        t1.start();
        t2.start();
        Probe.join(t1, t2);
        System.out.println("x=" + x);
    }
}
