package dev.racecheck.it.predict;

/**
 * Both critical sections only READ y (written by main before the threads start): reads do not conflict, so the
 * sections may be swapped. t1: x = 1; sync(M) { r = y }. t2 (after t1): sync(M) { r = y }; x = 2. Predictable.
 * Expected: race on static field dev.racecheck.it.predict.PredictReadReadCS.x
 */
public class PredictReadReadCS {
    static final Object M = new Object();
    static int x, y;

    public static void main(String[] args) {
        y = 3;
        int[] seen = new int[2];
        Thread t1 = new Thread(() -> {
            x = 1; // racy access
            synchronized (M) {
                seen[0] = y;
            }
        }, "t1");
        Thread t2 = new Thread(() -> {
            Probe.awaitTerminated(t1);
            synchronized (M) {
                seen[1] = y;
            }
            x = 2; // racy access
        }, "t2");
        t1.start();
        t2.start();
        Probe.join(t1, t2);
        System.out.println(seen[0] + seen[1] + x);
    }
}
