package dev.racecheck.it.predict;

/**
 * The second access is main's, after it JOINS t2 (not t1): t1: x = 1; sync(M) {}. t2 (after t1): sync(M) {}.
 * main: t2.join(); x = 2; then t1.join(). t2's section can precede t1's; main's write then sits next to t1's.
 * Expected: race on static field dev.racecheck.it.predict.PredictJoinOther.x
 */
public class PredictJoinOther {
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
        t1.start();
        t2.start();
        Probe.join(t2);
        x = 2; // racy access
        Probe.join(t1);
        System.out.println("x=" + x);
    }
}
