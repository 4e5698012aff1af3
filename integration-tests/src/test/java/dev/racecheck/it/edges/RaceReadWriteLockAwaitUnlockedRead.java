package dev.racecheck.it.edges;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * ReentrantReadWriteLock, Condition of the write lock, edge broken: the reader reads without the read lock, so the
 * waiter's write after await() is not ordered after it.
 * Expected: race on static field dev.racecheck.it.edges.RaceReadWriteLockAwaitUnlockedRead.data
 */
public final class RaceReadWriteLockAwaitUnlockedRead {
    static final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
    static final Condition changed = rw.writeLock().newCondition();
    static int data;

    public static void main(String[] args) throws InterruptedException {
        Edges.warmUp();
        Thread reader = new Thread(() -> {
            Edges.sleep(50);
            System.out.println("RaceReadWriteLockAwaitUnlockedRead: reader sees " + data); // racy access
        }, "reader");
        rw.writeLock().lock();
        try {
            reader.start();
            while (reader.getState() != Thread.State.TERMINATED) {
                changed.await(10, TimeUnit.MILLISECONDS);
            }
            data = 42; // racy access
        } finally {
            rw.writeLock().unlock();
        }
        reader.join();
        System.out.println("RaceReadWriteLockAwaitUnlockedRead: " + data);
    }
}
