package dev.racecheck.it.deadlocks;

import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.concurrent.locks.StampedLock;

/**
 * Read locks in both orders, nobody writing: a read lock held does not block another reader. Two read-write locks'
 * read locks in opposite orders, a read lock and a monitor in opposite orders, and the same with a StampedLock.
 * Expected: no deadlock
 */
public class NoDeadlockReadLocksBothOrders {
    static final ReentrantReadWriteLock X = new ReentrantReadWriteLock();
    static final ReentrantReadWriteLock Y = new ReentrantReadWriteLock();
    static final StampedLock S = new StampedLock();
    static final Object M = new Object();
    static volatile int work;

    public static void main(String[] args) {
        Thread t1 = Deadlocks.start("t1", () -> {
            X.readLock().lock();
            Y.readLock().lock();
            synchronized (M) {
                work++;
            }
            Y.readLock().unlock();
            X.readLock().unlock();
            long s = S.readLock();
            synchronized (M) {
                work++;
            }
            S.unlockRead(s);
        });
        Thread t2 = Deadlocks.start("t2", () -> {
            Deadlocks.awaitTerminated(t1);
            synchronized (M) {
                Y.readLock().lock();
                X.readLock().lock();
                work++;
                X.readLock().unlock();
                Y.readLock().unlock();
                long s = S.readLock();
                work++;
                S.unlockRead(s);
            }
        });
        Deadlocks.join(t1, t2);
        System.out.println("work=" + work);
    }
}
