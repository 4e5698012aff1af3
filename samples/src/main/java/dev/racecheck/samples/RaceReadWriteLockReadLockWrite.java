package dev.racecheck.samples;

import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A read lock is shared, so a writer that takes only the read lock still races with the readers.
 * Expected: race on field dev.racecheck.samples.RaceReadWriteLockReadLockWrite.version
 */
public class RaceReadWriteLockReadLockWrite {
    private final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
    // Both threads meet here while holding the read lock, which shows they are inside at the same time
    // (with the write lock this would deadlock). The barrier orders what came before it, not what follows.
    private final CyclicBarrier bothInside = new CyclicBarrier(2);
    private int version;

    void update() {
        rw.readLock().lock(); // BUG: writing needs rw.writeLock()
        try {
            meet();
            version = version + 1; // racy access
        } finally {
            rw.readLock().unlock();
        }
    }

    int read() {
        rw.readLock().lock();
        try {
            meet();
            return version; // racy access
        } finally {
            rw.readLock().unlock();
        }
    }

    private void meet() {
        try {
            bothInside.await();
        } catch (InterruptedException | BrokenBarrierException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void main(String[] args) throws InterruptedException {
        RaceReadWriteLockReadLockWrite store = new RaceReadWriteLockReadLockWrite();
        Thread writer = new Thread(store::update, "writer");
        Thread reader = new Thread(store::read, "reader");
        writer.start();
        reader.start();
        writer.join();
        reader.join();
        System.out.println("version = " + store.version);
    }
}
