package dev.racecheck.it.predict;

import java.util.concurrent.locks.ReentrantLock;

/**
 * Three threads increment under a ReentrantLock; main reads the counter WITHOUT the lock but after joining all
 * three. The increments conflict (ordered among themselves); the join orders them before main's read. Data-race
 * free.
 * Expected: no race
 */
public class NoPredictLockedCounterJoin {
    static final ReentrantLock L = new ReentrantLock();
    static int counter;

    public static void main(String[] args) {
        Thread[] threads = new Thread[3];
        for (int i = 0; i < 3; i++) {
            threads[i] = new Thread(() -> {
                for (int r = 0; r < 200; r++) {
                    L.lock();
                    try {
                        counter++;
                    } finally {
                        L.unlock();
                    }
                }
            }, "t" + i);
        }
        for (Thread t : threads) t.start();
        Probe.join(threads);
        System.out.println("counter=" + counter);
    }
}
