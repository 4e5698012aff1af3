package dev.racecheck.it.predict;

/**
 * t1 writes x before its (empty) section; t2 reads x INSIDE its section. t1's section has no access to x, so t2's
 * section may run right after t1's write and before t1's section: the read (seeing the same write) is adjacent.
 * Expected: race on static field dev.racecheck.it.predict.PredictReadInsideCS.x
 */
public class PredictReadInsideCS {
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
                seen[0] = x; // racy access
            }
        }, "t2");
        t1.start();
        t2.start();
        Probe.join(t1, t2);
        System.out.println("seen=" + seen[0]);
    }
}
