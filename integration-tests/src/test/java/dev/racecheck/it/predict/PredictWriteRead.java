package dev.racecheck.it.predict;

/**
 * t1: x = 1; sync(M) {}. t2 (after t1): sync(M) {}; reads x. A write-read race hidden by M.
 * Expected: race on static field dev.racecheck.it.predict.PredictWriteRead.x
 */
public class PredictWriteRead {
    static final Object M = new Object();
    static int x;

    public static void main(String[] args) {
        int[] seen = new int[1];
        Thread t1 = new Thread(() -> {
            x = 1; // racy access
            synchronized (M) {
            }
        }, "t1");
        Thread t2 = new Thread(() -> {
            Probe.awaitTerminated(t1);
            synchronized (M) {
            }
            seen[0] = x; // racy access
        }, "t2");
        t1.start();
        t2.start();
        Probe.join(t1, t2);
        System.out.println("seen=" + seen[0]);
    }
}
