package dev.racecheck.it.predict;

/**
 * STRETCH (beyond WCP/DC; SyncP finds it). The sections conflict only write-write: t1: x = 1; sync(M) { y = 1 }.
 * t2 (after t1): sync(M) { y = 2 }; x = 2. Nobody reads y, so no read constrains the order: run t1 up to x = 1,
 * then all of t2 (its section first), and the writes of x are adjacent. A real race (WCP and DC order write-write
 * conflicting sections, so they miss it; SyncP's sync-preserving reordering just leaves t1's section out).
 * Expected: race on static field dev.racecheck.it.predict.PredictWriteWriteCS.x
 */
// STRETCH
public class PredictWriteWriteCS {
    static final Object M = new Object();
    static int x, y;

    public static void main(String[] args) {
        Thread t1 = new Thread(() -> {
            x = 1; // racy access
            synchronized (M) {
                y = 1;
            }
        }, "t1");
        Thread t2 = new Thread(() -> {
            Probe.awaitTerminated(t1);
            synchronized (M) {
                y = 2;
            }
            x = 2; // racy access
        }, "t2");
        t1.start();
        t2.start();
        Probe.join(t1, t2);
        System.out.println(x + y);
    }
}
