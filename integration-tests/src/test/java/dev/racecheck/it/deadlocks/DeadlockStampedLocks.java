package dev.racecheck.it.deadlocks;

import java.util.concurrent.locks.StampedLock;

/**
 * Two StampedLocks' write locks in opposite orders, and a read lock wanted under the other order.
 * Expected: potential deadlock: write lock of java.util.concurrent.locks.StampedLock => write lock of java.util.concurrent.locks.StampedLock
 */
public class DeadlockStampedLocks {
    static final StampedLock X = new StampedLock();
    static final StampedLock Y = new StampedLock();
    static int work;

    public static void main(String[] args) {
        Thread t1 = Deadlocks.start("t1", () -> {
            long x = X.writeLock(); // lock order
            long y = Y.writeLock(); // lock order
            work++;
            Y.unlockWrite(y);
            X.unlock(x);
        });
        Thread t2 = Deadlocks.start("t2", () -> {
            Deadlocks.awaitTerminated(t1);
            long y = Y.writeLock(); // lock order
            long x = X.writeLock(); // lock order
            work++;
            X.unlockWrite(x);
            Y.unlock(y);
        });
        Deadlocks.join(t1, t2);
        System.out.println("work=" + work);
    }
}
