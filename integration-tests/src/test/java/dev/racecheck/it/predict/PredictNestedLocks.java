package dev.racecheck.it.predict;

/**
 * Nested locks, consistent order. t1: x = 1; sync(M) { sync(N) {} }. t2 (after t1): sync(N) {}; x = 2. The N
 * sections are empty: t2's may run before t1's, and t1's x = 1 then sits next to t2's x = 2.
 * Expected: race on static field dev.racecheck.it.predict.PredictNestedLocks.x
 */
public class PredictNestedLocks {
    static final Object M = new Object();
    static final Object N = new Object();
    static int x;

    public static void main(String[] args) {
        Thread t1 = new Thread(() -> {
            x = 1; // racy access
            synchronized (M) {
                synchronized (N) {
                }
            }
        }, "t1");
        Thread t2 = new Thread(() -> {
            Probe.awaitTerminated(t1);
            synchronized (N) {
            }
            x = 2; // racy access
        }, "t2");
        t1.start();
        t2.start();
        Probe.join(t1, t2);
        System.out.println("x=" + x);
    }
}
