package dev.racecheck.it.predict;

/**
 * Three threads, one lock: t1: x = 1; sync(M) {}. t2 (after t1): sync(M) {}. t3 (after t2): sync(M) {}; x = 3.
 * The middle thread's section carries nothing. Predictable race t1/t3.
 * Expected: race on static field dev.racecheck.it.predict.PredictThreeThreadsOneLock.x
 */
public class PredictThreeThreadsOneLock {
    static final Object M = new Object();
    static int x;

    public static void main(String[] args) {
        Thread t1 = new Thread(() -> {
            x = 1; // racy access
            synchronized (M) {
            }
        }, "t1");
        Thread t2 = new Thread(() -> {
            Probe.awaitTerminated(t1);
            synchronized (M) {
            }
        }, "t2");
        Thread t3 = new Thread(() -> {
            Probe.awaitTerminated(t2);
            synchronized (M) {
            }
            x = 3; // racy access
        }, "t3");
        t1.start();
        t2.start();
        t3.start();
        Probe.join(t1, t2, t3);
        System.out.println("x=" + x);
    }
}
