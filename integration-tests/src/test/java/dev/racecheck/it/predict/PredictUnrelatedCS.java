package dev.racecheck.it.predict;

/**
 * The brief's example. t1: x = 1; synchronized (M) {}. t2, once t1 has ended (no edge): synchronized (M) {}; x = 2.
 * Happens-before orders the writes through M in this run; t2's empty section could have run first: predictable.
 * Expected: race on static field dev.racecheck.it.predict.PredictUnrelatedCS.x
 */
public class PredictUnrelatedCS {
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
            x = 2; // racy access
        }, "t2");
        t1.start();
        t2.start();
        Probe.join(t1, t2);
        System.out.println("x=" + x);
    }
}
