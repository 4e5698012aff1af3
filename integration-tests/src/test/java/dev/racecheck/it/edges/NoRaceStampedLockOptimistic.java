package dev.racecheck.it.edges;

import java.util.concurrent.locks.StampedLock;

/**
 * StampedLock optimistic read: tryOptimisticRead() returns a stamp after the last unlockWrite(), so reads made
 * after it and validated by validate(stamp) see everything written under the write lock before.
 * Expected: no race
 */
public final class NoRaceStampedLockOptimistic {
    static final StampedLock sl = new StampedLock();
    static int data;

    public static void main(String[] args) throws InterruptedException {
        Edges.warmUp();
        Thread writer = new Thread(() -> {
            long stamp = sl.writeLock();
            try {
                data = 42;
            } finally {
                sl.unlockWrite(stamp);
            }
        }, "writer");
        writer.start();
        // Once the writer has ended (getState() is no edge): no write lock is held or taken from here on.
        Edges.awaitEndWithoutEdge(writer);
        long stamp = sl.tryOptimisticRead();
        int seen = data;
        Edges.check(stamp != 0 && sl.validate(stamp), "no write lock was taken since tryOptimisticRead()");
        System.out.println("NoRaceStampedLockOptimistic: " + seen);
        writer.join();
    }
}
