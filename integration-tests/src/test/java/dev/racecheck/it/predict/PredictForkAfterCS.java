package dev.racecheck.it.predict;

/**
 * The second access is in a thread forked AFTER the critical section: t1: x = 1; sync(M) {}. t2 (after t1):
 * sync(M) {}; starts t3; t3: x = 2. t2's section can go first, then the fork, then t3's write beside t1's.
 * Expected: race on static field dev.racecheck.it.predict.PredictForkAfterCS.x
 */
public class PredictForkAfterCS {
    static final Object M = new Object();
    static int x;

    public static void main(String[] args) {
        Thread t3 = new Thread(() -> {
            x = 2; // racy access
        }, "t3");
        Thread t1 = new Thread(() -> {
            x = 1; // racy access
            synchronized (M) {
            }
        }, "t1");
        Thread t2 = new Thread(() -> {
            Probe.awaitTerminated(t1);
            synchronized (M) {
            }
            t3.start();
            Probe.join(t3);
        }, "t2");
        t1.start();
        t2.start();
        Probe.join(t1, t2);
        System.out.println("x=" + x);
    }
}
