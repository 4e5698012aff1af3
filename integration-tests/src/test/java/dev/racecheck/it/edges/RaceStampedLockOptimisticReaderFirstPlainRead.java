package dev.racecheck.it.edges;

import java.util.concurrent.locks.StampedLock;

/**
 * StampedLock optimistic read, reader first, edge broken: the reader reads without the optimistic protocol (no
 * tryOptimisticRead()/validate()), so its read races with the later writer's.
 * Expected: race on static field dev.racecheck.it.edges.RaceStampedLockOptimisticReaderFirstPlainRead.x
 */
public final class RaceStampedLockOptimisticReaderFirstPlainRead {
    static final StampedLock sl = new StampedLock();
    static int x;

    public static void main(String[] args) throws InterruptedException {
        Edges.warmUp();
        Thread reader = new Thread(() -> {
            int seen = x; // racy access
            System.out.println("RaceStampedLockOptimisticReaderFirstPlainRead: read " + seen);
        }, "reader");
        reader.start();
        Edges.awaitEndWithoutEdge(reader);
        long stamp = sl.writeLock();
        try {
            x = 42; // racy access
        } finally {
            sl.unlockWrite(stamp);
        }
        reader.join();
        System.out.println("RaceStampedLockOptimisticReaderFirstPlainRead: " + x);
    }
}
