package dev.racecheck.it.deadlocks;

import java.util.concurrent.locks.ReentrantLock;

/**
 * A then an untimed B.tryLock(), and B then A.tryLock(), backing off when the try fails: an untimed tryLock never
 * blocks, so neither order is an edge.
 * Expected: no deadlock
 */
public class NoDeadlockTryLockBackoff {
    static final ReentrantLock A = new ReentrantLock();
    static final ReentrantLock B = new ReentrantLock();
    static int work;

    static void both(ReentrantLock first, ReentrantLock second) {
        for (int done = 0; done < 100;) {
            first.lock();
            try {
                if (second.tryLock()) {
                    try {
                        work++;
                        done++;
                    } finally {
                        second.unlock();
                    }
                }
            } finally {
                first.unlock();
            }
            Thread.yield();
        }
    }

    public static void main(String[] args) {
        Thread t1 = Deadlocks.start("t1", () -> both(A, B));
        Thread t2 = Deadlocks.start("t2", () -> both(B, A));
        Deadlocks.join(t1, t2);
        System.out.println("work=" + work);
    }
}
