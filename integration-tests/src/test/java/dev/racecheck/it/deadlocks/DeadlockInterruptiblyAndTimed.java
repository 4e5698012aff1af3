package dev.racecheck.it.deadlocks;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The inner acquisitions block too: lockInterruptibly() and a timed tryLock (it waits, so it is an edge; only an
 * untimed tryLock is not).
 * Expected: potential deadlock: java.util.concurrent.locks.ReentrantLock => java.util.concurrent.locks.ReentrantLock
 */
public class DeadlockInterruptiblyAndTimed {
    static final ReentrantLock A = new ReentrantLock();
    static final ReentrantLock B = new ReentrantLock();
    static int work;

    public static void main(String[] args) {
        Thread t1 = Deadlocks.start("t1", () -> {
            try {
                A.lockInterruptibly(); // lock order
                try {
                    if (B.tryLock(5, TimeUnit.SECONDS)) { // lock order
                        work++;
                        B.unlock();
                    }
                } finally {
                    A.unlock();
                }
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread t2 = Deadlocks.start("t2", () -> {
            Deadlocks.awaitTerminated(t1);
            B.lock(); // lock order
            try {
                A.lockInterruptibly(); // lock order
                work++;
                A.unlock();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            } finally {
                B.unlock();
            }
        });
        Deadlocks.join(t1, t2);
        System.out.println("work=" + work);
    }
}
