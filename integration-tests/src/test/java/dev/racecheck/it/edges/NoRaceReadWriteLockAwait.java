package dev.racecheck.it.edges;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * ReentrantReadWriteLock, Condition of the write lock: await() gives up the write lock and takes it again, so a
 * reader that held the read lock meanwhile comes before what the waiter does next (read-unlock -> write-lock). The
 * waiter's timed awaits return on their own (nobody signals) once the reader has ended, seen through
 * Thread.getState(), which is no edge.
 * Expected: no race
 */
public final class NoRaceReadWriteLockAwait {
    static final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
    static final Condition changed = rw.writeLock().newCondition();
    static int data;

    public static void main(String[] args) throws InterruptedException {
        Edges.warmUp();
        Thread reader = new Thread(() -> {
            rw.readLock().lock();
            try {
                System.out.println("NoRaceReadWriteLockAwait: reader sees " + data);
            } finally {
                rw.readLock().unlock();
            }
        }, "reader");
        rw.writeLock().lock();
        try {
            reader.start(); // it waits for the read lock until main awaits
            while (reader.getState() != Thread.State.TERMINATED) {
                changed.await(10, TimeUnit.MILLISECONDS);
            }
            data = 42;
        } finally {
            rw.writeLock().unlock();
        }
        reader.join();
        System.out.println("NoRaceReadWriteLockAwait: " + data);
    }
}
