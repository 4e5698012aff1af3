package dev.racecheck.it.predict;

/**
 * t1: reads x; sync(M) {}. t2 (after t1): sync(M) {}; x = 2. A read-write race hidden by M.
 * Expected: race on static field dev.racecheck.it.predict.PredictReadWrite.x
 */
public class PredictReadWrite {
    static final Object M = new Object();
    static int x = 5;

    public static void main(String[] args) {
        int[] seen = new int[1];
        Thread t1 = new Thread(() -> {
            seen[0] = x; // racy access
            synchronized (M) {
            }
        }, "t1");
        Thread t2 = new Thread(() -> {
            Probe.awaitTerminated(t1);
            synchronized (M) {
            }
            x = 2; // racy access
        }, "t2");
        t1.start();
        t2.start();
        Probe.join(t1, t2);
        System.out.println("seen=" + seen[0] + " x=" + x);
    }
}
