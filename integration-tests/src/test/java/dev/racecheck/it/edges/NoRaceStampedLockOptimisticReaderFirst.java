package dev.racecheck.it.edges;

import java.util.concurrent.locks.StampedLock;

/**
 * StampedLock optimistic read, the javadoc's idiom, reader first: the reads between tryOptimisticRead() and a
 * validate() that succeeds are not ordered before a later writer by any unlock, and need not be: the JDK documents
 * the idiom as correct (a write lock taken in between makes validate fail, and the value is thrown away). The writer
 * starts once the reader has ended, seen through Thread.getState(), which is no edge.
 * Expected: no race
 */
public final class NoRaceStampedLockOptimisticReaderFirst {
    static final StampedLock sl = new StampedLock();
    static int x;

    static int readX() {
        long stamp = sl.tryOptimisticRead();
        int v = x;
        if (!sl.validate(stamp)) {
            stamp = sl.readLock();
            try {
                v = x;
            } finally {
                sl.unlockRead(stamp);
            }
        }
        return v;
    }

    public static void main(String[] args) throws InterruptedException {
        Edges.warmUp();
        Thread reader = new Thread(() -> System.out.println("NoRaceStampedLockOptimisticReaderFirst: read "
                + readX()), "reader");
        reader.start();
        Edges.awaitEndWithoutEdge(reader);
        long stamp = sl.writeLock();
        try {
            x = 42;
        } finally {
            sl.unlockWrite(stamp);
        }
        reader.join();
        System.out.println("NoRaceStampedLockOptimisticReaderFirst: " + x);
    }
}
