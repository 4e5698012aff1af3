package dev.racecheck.it.edges;

import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * ReentrantReadWriteLock, write then read: writeLock().unlock() happens-before a later readLock().lock().
 * Expected: no race
 */
public final class NoRaceReadWriteLock {
    static final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
    static int data;

    public static void main(String[] args) throws InterruptedException {
        Edges.warmUp();
        Thread writer = new Thread(() -> {
            rw.writeLock().lock();
            try {
                data = 42;
            } finally {
                rw.writeLock().unlock();
            }
        }, "writer");
        writer.start();
        Edges.awaitEndWithoutEdge(writer); // the write lock is released before the read lock is taken
        rw.readLock().lock();
        try {
            System.out.println("NoRaceReadWriteLock: " + data);
        } finally {
            rw.readLock().unlock();
        }
        writer.join();
    }
}
