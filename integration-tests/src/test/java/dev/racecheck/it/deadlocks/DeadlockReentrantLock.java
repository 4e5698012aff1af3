package dev.racecheck.it.deadlocks;

import java.util.concurrent.locks.ReentrantLock;

/**
 * ABBA with ReentrantLock.lock(), in one method called with the locks in both orders.
 * Expected: potential deadlock: java.util.concurrent.locks.ReentrantLock => java.util.concurrent.locks.ReentrantLock
 */
public class DeadlockReentrantLock {
    static final ReentrantLock A = new ReentrantLock();
    static final ReentrantLock B = new ReentrantLock();
    static int work;

    static void both(ReentrantLock first, ReentrantLock second) {
        first.lock(); // lock order
        try {
            second.lock(); // lock order
            try {
                work++;
            } finally {
                second.unlock();
            }
        } finally {
            first.unlock();
        }
    }

    public static void main(String[] args) {
        Thread t1 = Deadlocks.start("t1", () -> both(A, B));
        Thread t2 = Deadlocks.start("t2", () -> {
            Deadlocks.awaitTerminated(t1);
            both(B, A);
        });
        Deadlocks.join(t1, t2);
        System.out.println("work=" + work);
    }
}
