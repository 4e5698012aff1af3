package dev.racecheck.it.deadlocks;

import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Write lock, then a monitor; later the monitor, then the read lock of the same read-write lock: a reader waits for
 * the writer, so this is a deadlock in another schedule (read-read would not be).
 * Expected: potential deadlock: write lock of java.util.concurrent.locks.ReentrantReadWriteLock => monitor java.lang.Object
 */
public class DeadlockReadWriteWriteRead {
    static final ReentrantReadWriteLock RW = new ReentrantReadWriteLock();
    static final Object M = new Object();
    static int work;

    public static void main(String[] args) {
        Thread t1 = Deadlocks.start("t1", () -> {
            RW.writeLock().lock(); // lock order
            try {
                synchronized (M) { // lock order
                    work++;
                }
            } finally {
                RW.writeLock().unlock();
            }
        });
        Thread t2 = Deadlocks.start("t2", () -> {
            Deadlocks.awaitTerminated(t1);
            synchronized (M) { // lock order
                RW.readLock().lock(); // lock order
                work++;
                RW.readLock().unlock();
            }
        });
        Deadlocks.join(t1, t2);
        System.out.println("work=" + work);
    }
}
