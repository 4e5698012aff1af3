package dev.racecheck.it.predict;

import java.util.concurrent.locks.ReentrantLock;

/**
 * PredictUnrelatedCS with a ReentrantLock (lock()/unlock()) instead of a monitor.
 * Expected: race on static field dev.racecheck.it.predict.PredictReentrantLock.x
 */
public class PredictReentrantLock {
    static final ReentrantLock L = new ReentrantLock();
    static int x;

    public static void main(String[] args) {
        Thread t1 = new Thread(() -> {
            x = 1; // racy access
            L.lock();
            L.unlock();
        }, "t1");
        Thread t2 = new Thread(() -> {
            Probe.awaitTerminated(t1);
            L.lock();
            L.unlock();
            x = 2; // racy access
        }, "t2");
        t1.start();
        t2.start();
        Probe.join(t1, t2);
        System.out.println("x=" + x);
    }
}
