package dev.racecheck.it.deadlocks;

import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Two read-write locks' write locks in opposite orders.
 * Expected: potential deadlock: write lock of java.util.concurrent.locks.ReentrantReadWriteLock => write lock of java.util.concurrent.locks.ReentrantReadWriteLock
 */
public class DeadlockReadWriteWriteWrite {
    static final ReentrantReadWriteLock X = new ReentrantReadWriteLock();
    static final ReentrantReadWriteLock Y = new ReentrantReadWriteLock();
    static int work;

    static void both(ReentrantReadWriteLock first, ReentrantReadWriteLock second) {
        first.writeLock().lock(); // lock order
        try {
            second.writeLock().lock(); // lock order
            work++;
            second.writeLock().unlock();
        } finally {
            first.writeLock().unlock();
        }
    }

    public static void main(String[] args) {
        Thread t1 = Deadlocks.start("t1", () -> both(X, Y));
        Thread t2 = Deadlocks.start("t2", () -> {
            Deadlocks.awaitTerminated(t1);
            both(Y, X);
        });
        Deadlocks.join(t1, t2);
        System.out.println("work=" + work);
    }
}
