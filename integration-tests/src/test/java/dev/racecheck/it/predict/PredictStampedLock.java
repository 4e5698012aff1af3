package dev.racecheck.it.predict;

import java.util.concurrent.locks.StampedLock;

/**
 * PredictUnrelatedCS with a StampedLock's write lock.
 * Expected: race on static field dev.racecheck.it.predict.PredictStampedLock.x
 */
public class PredictStampedLock {
    static final StampedLock S = new StampedLock();
    static int x;

    public static void main(String[] args) {
        Thread t1 = new Thread(() -> {
            x = 1; // racy access
            S.unlockWrite(S.writeLock());
        }, "t1");
        Thread t2 = new Thread(() -> {
            Probe.awaitTerminated(t1);
            S.unlockWrite(S.writeLock());
            x = 2; // racy access
        }, "t2");
        t1.start();
        t2.start();
        Probe.join(t1, t2);
        System.out.println("x=" + x);
    }
}
