package dev.racecheck.samples;

import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The counter from RaceCounter, fixed with a ReentrantLock: lock() and unlock() order the critical sections.
 * Expected: no race
 */
public class NoRaceCounterReentrantLock {
    private final Lock lock = new ReentrantLock();
    private int value;

    void next() {
        lock.lock();
        try {
            int c = value;
            value = c + 1;
        } finally {
            lock.unlock(); // always in finally, or an exception leaves the lock held forever
        }
    }

    public static void main(String[] args) throws InterruptedException {
        NoRaceCounterReentrantLock counter = new NoRaceCounterReentrantLock();
        Thread[] workers = new Thread[3];
        for (int i = 0; i < workers.length; i++) {
            workers[i] = new Thread(counter::next, "worker-" + (i + 1));
            workers[i].start();
        }
        for (Thread w : workers) {
            w.join();
        }
        System.out.println("value = " + counter.value);
    }
}
