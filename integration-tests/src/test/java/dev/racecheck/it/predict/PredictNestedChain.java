package dev.racecheck.it.predict;

/**
 * As PredictTwoLockChain, but t2 nests the locks: sync(A) { sync(B) {} }. Still nothing conflicts.
 * Expected: race on static field dev.racecheck.it.predict.PredictNestedChain.x
 */
public class PredictNestedChain {
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
                synchronized (B) {
                }
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
