package dev.racecheck.it.elements;

import java.util.concurrent.locks.ReentrantLock;

/**
 * Four threads increment elements of a shared int[64] under one ReentrantLock, 200,000 times each, every thread
 * walking all 64 elements. Thread 2 then waits (under the lock) until the others have finished their loops, and makes
 * one last increment of element 17 in the same critical section as it says it is done; each other thread then waits
 * (under the lock) for that and makes one last increment of element 17. Every access is under the lock.
 * Expected: no race
 */
public final class NoRaceLockedStress {
    static final int ITERATIONS = 200_000;
    static final ReentrantLock lock = new ReentrantLock();
    static final int[] counts = new int[64];
    static int loopsDone; // guarded by lock
    static boolean twoDone; // guarded by lock

    public static void main(String[] args) throws Exception {
        Thread[] workers = new Thread[4];
        for (int t = 0; t < workers.length; t++) {
            int id = t;
            workers[t] = new Thread(() -> work(id), "worker-" + t);
        }
        for (Thread w : workers) w.start();
        for (Thread w : workers) w.join();
        long sum = 0;
        for (int c : counts) sum += c;
        if (sum != 4L * ITERATIONS + 4) throw new AssertionError(sum);
        System.out.println("NoRaceLockedStress: " + sum);
    }

    static void work(int id) {
        for (int i = 0; i < ITERATIONS; i++) {
            lock.lock();
            try {
                counts[(i * 7 + id) & 63]++;
            } finally {
                lock.unlock();
            }
        }
        if (id == 2) {
            while (true) {
                lock.lock();
                try {
                    if (loopsDone == 3) {
                        counts[17]++;
                        twoDone = true;
                        return;
                    }
                } finally {
                    lock.unlock();
                }
                Thread.yield();
            }
        }
        lock.lock();
        try {
            loopsDone++;
        } finally {
            lock.unlock();
        }
        while (true) {
            lock.lock();
            try {
                if (twoDone) {
                    counts[17]++;
                    return;
                }
            } finally {
                lock.unlock();
            }
            Thread.yield();
        }
    }
}
