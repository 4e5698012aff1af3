package dev.racecheck.it.edges;

import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * ReentrantReadWriteLock, read then write: readLock().unlock() happens-before a later writeLock().lock(), so the
 * writer does not race with the earlier reader.
 * Expected: no race
 */
public final class NoRaceReadWriteLockReadThenWrite {
    static final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
    static int data;

    public static void main(String[] args) throws InterruptedException {
        Edges.warmUp();
        Thread reader = new Thread(() -> {
            rw.readLock().lock();
            try {
                System.out.println("NoRaceReadWriteLockReadThenWrite: " + data);
            } finally {
                rw.readLock().unlock();
            }
        }, "reader");
        reader.start();
        Edges.awaitEndWithoutEdge(reader); // the read lock is released before the write lock is taken
        rw.writeLock().lock();
        try {
            data = 42;
        } finally {
            rw.writeLock().unlock();
        }
        reader.join();
    }
}
