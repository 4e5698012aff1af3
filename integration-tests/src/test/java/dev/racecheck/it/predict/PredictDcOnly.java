package dev.racecheck.it.predict;

/**
 * STRETCH (DC finds it, WCP misses it: WCP composes with happens-before). t1: x = 1; sync(M) { y = 1 }. t2 (after
 * t1): sync(M) { r = y } (reads 1: ordered after t1's section, rightly); sync(N) {}. t3 (after t2): sync(N) {};
 * x = 2. t3's N section does not conflict with t2's, so it can run first, with t2 not run at all: t1's x = 1 and
 * t3's x = 2 become adjacent. A real race.
 * Expected: race on static field dev.racecheck.it.predict.PredictDcOnly.x
 */
// STRETCH
public class PredictDcOnly {
    static final Object M = new Object();
    static final Object N = new Object();
    static int x, y;

    public static void main(String[] args) {
        int[] seen = new int[1];
        Thread t1 = new Thread(() -> {
            x = 1; // racy access
            synchronized (M) {
                y = 1;
            }
        }, "t1");
        Thread t2 = new Thread(() -> {
            Probe.awaitTerminated(t1);
            synchronized (M) {
                seen[0] = y;
            }
            synchronized (N) {
            }
        }, "t2");
        Thread t3 = new Thread(() -> {
            Probe.awaitTerminated(t2);
            synchronized (N) {
            }
            x = 2; // racy access
        }, "t3");
        t1.start();
        t2.start();
        t3.start();
        Probe.join(t1, t2, t3);
        System.out.println(x + y + seen[0]);
    }
}
