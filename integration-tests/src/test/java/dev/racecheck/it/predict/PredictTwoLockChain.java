package dev.racecheck.it.predict;

/**
 * A release-acquire chain through two locks that carries nothing: t1: x = 1; sync(A) {}. t2 (after t1): sync(A) {};
 * sync(B) {}. t3 (after t2): sync(B) {}; x = 2. HB orders t1 -> t2 -> t3; no section conflicts, so t3's section
 * can run first (t2 not at all): predictable race between t1 and t3.
 * Expected: race on static field dev.racecheck.it.predict.PredictTwoLockChain.x
 */
public class PredictTwoLockChain {
    static final Object A = new Object();
    static final Object B = new Object();
    static int x;

    public static void main(String[] args) {
        Thread t1 = new Thread(() -> {
            x = 1; // racy access
            synchronized (A) {
            }
        }, "t1");
        Thread t2 = new Thread(() -> {
            Probe.awaitTerminated(t1);
            synchronized (A) {
            }
            synchronized (B) {
            }
        }, "t2");
        Thread t3 = new Thread(() -> {
            Probe.awaitTerminated(t2);
            synchronized (B) {
            }
            x = 2; // racy access
        }, "t3");
        t1.start();
        t2.start();
        t3.start();
        Probe.join(t1, t2, t3);
        System.out.println("x=" + x);
    }
}
