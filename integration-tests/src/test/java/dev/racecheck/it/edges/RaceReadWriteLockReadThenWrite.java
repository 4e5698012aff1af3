package dev.racecheck.it.edges;

import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * ReentrantReadWriteLock, read then write, edge removed: the writer does not take the write lock.
 * Expected: race on static field dev.racecheck.it.edges.RaceReadWriteLockReadThenWrite.data
 */
public final class RaceReadWriteLockReadThenWrite {
    static final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
    static int data;

    public static void main(String[] args) throws InterruptedException {
        Edges.warmUp();
        Thread reader = new Thread(() -> {
            rw.readLock().lock();
            try {
                System.out.println("RaceReadWriteLockReadThenWrite: " + data); // racy access
            } finally {
                rw.readLock().unlock();
            }
        }, "reader");
        reader.start();
        Edges.sleep(100);
        data = 42; // racy access
        reader.join();
    }
}
