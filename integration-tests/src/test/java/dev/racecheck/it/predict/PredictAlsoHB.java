package dev.racecheck.it.predict;

/**
 * Control: a race plain happens-before already reports. t1: sync(M) { y = 1 }; x = 1 (AFTER its section). t2
 * (after t1): sync(M) { r = y }; x = 2. The sections conflict and are ordered, but t1's write comes after its
 * release: no edge orders it before t2's write. Reported with and without predict.
 * Expected: race on static field dev.racecheck.it.predict.PredictAlsoHB.x
 */
public class PredictAlsoHB {
    static final Object M = new Object();
    static int x, y;

    public static void main(String[] args) {
        int[] seen = new int[1];
        Thread t1 = new Thread(() -> {
            synchronized (M) {
                y = 1;
            }
            x = 1; // racy access
        }, "t1");
        Thread t2 = new Thread(() -> {
            Probe.awaitTerminated(t1);
            synchronized (M) {
                seen[0] = y;
            }
            x = 2; // racy access
        }, "t2");
        t1.start();
        t2.start();
        Probe.join(t1, t2);
        System.out.println(x + seen[0]);
    }
}
