package dev.racecheck.it.predict;

/**
 * t1 writes x INSIDE its critical section; t2's section is empty and t2 writes x after it. t2's section contains
 * no access to x, so it may run before t1's: then t1 acquires M, writes x, and t2's write is enabled beside it.
 * Expected: race on static field dev.racecheck.it.predict.PredictWriteInsideCS.x
 */
public class PredictWriteInsideCS {
    static final Object M = new Object();
    static int x;

    public static void main(String[] args) {
        Thread t1 = new Thread(() -> {
            synchronized (M) {
                x = 1; // racy access
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
