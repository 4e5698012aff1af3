package dev.racecheck.it.deadlocks;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Locks belong to threads: main holds A while a thread it starts and joins takes B, and holds the ReentrantLock R
 * while a pool task takes C and main waits for it; later main takes B then A, and C then R. The children held
 * nothing, so there is no A -> B nor R -> C.
 * Expected: no deadlock
 */
public class NoDeadlockHandOff {
    static final Object A = new Object();
    static final Object B = new Object();
    static final Object C = new Object();
    static final ReentrantLock R = new ReentrantLock();
    static int work;

    public static void main(String[] args) throws Exception {
        synchronized (A) {
            Thread child = Deadlocks.start("child", () -> {
                synchronized (B) {
                    work++;
                }
            });
            child.join();
        }
        ExecutorService pool = Executors.newSingleThreadExecutor();
        R.lock();
        try {
            Future<?> f = pool.submit(() -> {
                synchronized (C) {
                    work++;
                }
            });
            f.get();
        } finally {
            R.unlock();
        }
        pool.shutdown();
        synchronized (B) {
            synchronized (A) {
                work++;
            }
        }
        synchronized (C) {
            R.lock();
            work++;
            R.unlock();
        }
        System.out.println("work=" + work);
    }
}
