package dev.racecheck.it.predict;

/**
 * t1: sync(M) {}; x = 1; sync(M) {}. t2 (after t1): sync(M) {}; x = 2. HB orders t1's second section before t2's;
 * t2's section can run between t1's two sections instead, and then both writes are enabled.
 * Expected: race on static field dev.racecheck.it.predict.PredictBetweenTwoCS.x
 */
public class PredictBetweenTwoCS {
    static final Object M = new Object();
    static int x;

    public static void main(String[] args) {
        Thread t1 = new Thread(() -> {
            synchronized (M) {
            }
            x = 1; // racy access
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
        System.out.println("x=" + x);
    }
}
