package dev.racecheck.it.elements;

import java.util.concurrent.locks.ReentrantLock;

/**
 * {@link NoRaceLockedStress} where thread 2 makes its one last increment of element 17 just after the critical
 * section in which it says it is done, outside the lock. The others' last increments come after that critical
 * section, so after thread 2's last release: nothing orders them with its unlocked one (their loops, which thread 2
 * waited for under the lock, are ordered before it).
 * Expected: race on array element int[17]
 */
public final class RaceLockedStressOneUnlockedUpdate {
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
        System.out.println("RaceLockedStressOneUnlockedUpdate: " + sum);
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
                        twoDone = true;
                        break;
                    }
                } finally {
                    lock.unlock();
                }
                Thread.yield();
            }
            counts[17]++; // racy access
            return;
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
                    counts[17]++; // racy access
                    return;
                }
            } finally {
                lock.unlock();
            }
            Thread.yield();
        }
    }
}
