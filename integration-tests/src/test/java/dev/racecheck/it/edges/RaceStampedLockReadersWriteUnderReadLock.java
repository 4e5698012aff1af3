package dev.racecheck.it.edges;

import java.util.concurrent.locks.StampedLock;

/**
 * StampedLock, the classic bug: a counter incremented under a read lock. Read unlocks (unlock(stamp) of a read stamp,
 * unlockRead) order nothing before a later read lock: the two increments race even though they do not overlap in
 * time (b starts once a has ended, seen through Thread.getState(), which is no edge).
 * Expected: race on static field dev.racecheck.it.edges.RaceStampedLockReadersWriteUnderReadLock.hits
 */
public final class RaceStampedLockReadersWriteUnderReadLock {
    static final StampedLock sl = new StampedLock();
    static int hits;

    public static void main(String[] args) throws InterruptedException {
        Edges.warmUp();
        Thread a = new Thread(() -> {
            long stamp = sl.readLock(); // BUG: writing needs the write lock
            try {
                hits++; // racy access
            } finally {
                sl.unlock(stamp); // a read stamp: gives back the read lock
            }
        }, "a");
        Thread b = new Thread(() -> {
            Edges.awaitEndWithoutEdge(a);
            long stamp = sl.readLock();
            try {
                hits++; // racy access
            } finally {
                sl.unlockRead(stamp);
            }
        }, "b");
        a.start();
        b.start();
        a.join();
        b.join();
        System.out.println("RaceStampedLockReadersWriteUnderReadLock: " + hits);
    }
}
