package dev.racecheck.it.edges;

import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * ReentrantReadWriteLock downgrade, edge broken: the writer writes again after it gave up the write lock, holding
 * only the read lock; its read unlock orders nothing before a later reader.
 * Expected: race on static field dev.racecheck.it.edges.RaceReadWriteLockDowngradeWriteAfter.data
 */
public final class RaceReadWriteLockDowngradeWriteAfter {
    static final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
    static int data;

    public static void main(String[] args) throws InterruptedException {
        Edges.warmUp();
        Thread downgrader = new Thread(() -> {
            rw.writeLock().lock();
            data = 1;
            rw.readLock().lock();
            rw.writeLock().unlock();
            try {
                // BUG: a write under the read lock only
                data = 2; // racy access
            } finally {
                rw.readLock().unlock();
            }
        }, "downgrader");
        Thread reader = new Thread(() -> {
            Edges.awaitEndWithoutEdge(downgrader);
            rw.readLock().lock();
            try {
                System.out.println("RaceReadWriteLockDowngradeWriteAfter: " + data); // racy access
            } finally {
                rw.readLock().unlock();
            }
        }, "reader");
        downgrader.start();
        reader.start();
        reader.join();
        downgrader.join();
    }
}
