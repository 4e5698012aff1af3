package dev.racecheck.it.deadlocks;

import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A -> B -> A with the inner A reentrant (a monitor, a ReentrantLock held three times, a read-write lock's write
 * lock held twice and its read lock taken under it): only A -> B is an order; B -> A would be a false inversion.
 * Expected: no deadlock
 */
public class NoDeadlockReentrancy {
    static final Object A = new Object();
    static final Object B = new Object();
    static final ReentrantLock L = new ReentrantLock();
    static final ReentrantLock M = new ReentrantLock();
    static final ReentrantReadWriteLock RW = new ReentrantReadWriteLock();
    static final Object N = new Object();
    static int work;

    public static void main(String[] args) {
        Thread t1 = Deadlocks.start("t1", () -> {
            synchronized (A) {
                synchronized (B) {
                    synchronized (A) {
                        work++;
                    }
                }
            }
            L.lock();
            L.lock();
            try {
                M.lock();
                try {
                    L.lock();
                    work++;
                    L.unlock();
                } finally {
                    M.unlock();
                }
            } finally {
                L.unlock();
                L.unlock();
            }
            RW.writeLock().lock();
            try {
                synchronized (N) {
                    RW.writeLock().lock();
                    RW.readLock().lock();
                    work++;
                    RW.readLock().unlock();
                    RW.writeLock().unlock();
                }
            } finally {
                RW.writeLock().unlock();
            }
        });
        Deadlocks.join(t1);
        System.out.println("work=" + work);
    }
}
