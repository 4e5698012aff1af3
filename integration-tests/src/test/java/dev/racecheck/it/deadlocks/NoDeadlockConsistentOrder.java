package dev.racecheck.it.deadlocks;

import java.util.concurrent.locks.ReentrantLock;

/**
 * Four threads at once, always A, then B (a ReentrantLock), then C, some skipping B: one global order.
 * Expected: no deadlock
 */
public class NoDeadlockConsistentOrder {
    static final Object A = new Object();
    static final ReentrantLock B = new ReentrantLock();
    static final Object C = new Object();
    static int work;

    public static void main(String[] args) {
        Thread[] threads = new Thread[4];
        for (int n = 0; n < threads.length; n++) {
            boolean skipB = n % 2 == 0;
            threads[n] = Deadlocks.start("t" + n, () -> {
                for (int i = 0; i < 200; i++) {
                    synchronized (A) {
                        if (!skipB) B.lock();
                        try {
                            synchronized (C) {
                                work++;
                            }
                        } finally {
                            if (!skipB) B.unlock();
                        }
                    }
                }
            });
        }
        Deadlocks.join(threads);
        System.out.println("work=" + work);
    }
}
