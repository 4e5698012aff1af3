package dev.racecheck.it.predict;

import java.util.concurrent.locks.ReentrantLock;

/**
 * The critical sections are taken by a successful untimed tryLock(): an acquisition like lock(). Predictable.
 * Expected: race on static field dev.racecheck.it.predict.PredictTryLockSection.x
 */
public class PredictTryLockSection {
    static final ReentrantLock L = new ReentrantLock();
    static int x;

    public static void main(String[] args) {
        Thread t1 = new Thread(() -> {
            x = 1; // racy access
            Probe.check(L.tryLock(), "tryLock should succeed");
            L.unlock();
        }, "t1");
        Thread t2 = new Thread(() -> {
            Probe.awaitTerminated(t1);
            Probe.check(L.tryLock(), "tryLock should succeed");
            L.unlock();
            x = 2; // racy access
        }, "t2");
        t1.start();
        t2.start();
        Probe.join(t1, t2);
        System.out.println("x=" + x);
    }
}
