package dev.racecheck.it.edges;

import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * ReentrantReadWriteLock, the classic bug: a counter incremented under the read lock. The read lock excludes writers
 * only, not other readers, so readUnlock() -> a later readLock() is no edge: the two increments race even though
 * they do not overlap in time (b starts once a has ended, seen through Thread.getState(), which is no edge).
 * Expected: race on static field dev.racecheck.it.edges.RaceReadWriteLockReadersWriteUnderReadLock.hits
 */
public final class RaceReadWriteLockReadersWriteUnderReadLock {
    static final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
    static int hits;

    static void record() {
        rw.readLock().lock(); // BUG: writing needs the write lock
        try {
            hits++; // racy access
        } finally {
            rw.readLock().unlock();
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Edges.warmUp();
        Thread a = new Thread(RaceReadWriteLockReadersWriteUnderReadLock::record, "a");
        Thread b = new Thread(() -> {
            Edges.awaitEndWithoutEdge(a);
            record();
        }, "b");
        a.start();
        b.start();
        a.join();
        b.join();
        System.out.println("RaceReadWriteLockReadersWriteUnderReadLock: " + hits);
    }
}
