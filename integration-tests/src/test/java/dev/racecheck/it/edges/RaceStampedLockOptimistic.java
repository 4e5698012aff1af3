package dev.racecheck.it.edges;

import java.util.concurrent.locks.StampedLock;

/**
 * StampedLock optimistic read, edge broken: the writer writes outside the write lock, so a validated optimistic
 * read is not ordered after the write.
 * Expected: race on static field dev.racecheck.it.edges.RaceStampedLockOptimistic.data
 */
public final class RaceStampedLockOptimistic {
    static final StampedLock sl = new StampedLock();
    static int data;

    public static void main(String[] args) throws InterruptedException {
        Edges.warmUp();
        Thread writer = new Thread(() -> {
            long stamp = sl.writeLock();
            sl.unlockWrite(stamp);
            data = 42; // racy access
        }, "writer");
        writer.start();
        // Once the writer has ended (getState() is no edge): no write lock is held or taken from here on.
        Edges.awaitEndWithoutEdge(writer);
        long stamp = sl.tryOptimisticRead();
        int seen = data; // racy access
        Edges.check(stamp != 0 && sl.validate(stamp), "no write lock was taken since tryOptimisticRead()");
        System.out.println("RaceStampedLockOptimistic: " + seen);
        writer.join();
    }
}
