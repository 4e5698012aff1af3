package dev.racecheck.it.predict;

import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * t1: x = 1; write lock {} . t2 (after t1): read lock {}; x = 2. The read section may come first.
 * Expected: race on static field dev.racecheck.it.predict.PredictRwWriteThenRead.x
 */
public class PredictRwWriteThenRead {
    static final ReentrantReadWriteLock RW = new ReentrantReadWriteLock();
    static int x;

    public static void main(String[] args) {
        Thread t1 = new Thread(() -> {
            x = 1; // racy access
            RW.writeLock().lock();
            RW.writeLock().unlock();
        }, "t1");
        Thread t2 = new Thread(() -> {
            Probe.awaitTerminated(t1);
            RW.readLock().lock();
            RW.readLock().unlock();
            x = 2; // racy access
        }, "t2");
        t1.start();
        t2.start();
        Probe.join(t1, t2);
        System.out.println("x=" + x);
    }
}
