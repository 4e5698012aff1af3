package dev.racecheck.it.edges;

import java.util.concurrent.locks.ReentrantLock;

/**
 * ReentrantLock (Lock): unlock() happens-before every later successful lock() of the same lock.
 * Expected: no race
 */
public final class NoRaceReentrantLock {
    static final ReentrantLock lock = new ReentrantLock();
    static int data;

    public static void main(String[] args) throws InterruptedException {
        Edges.warmUp();
        Thread writer = new Thread(() -> {
            lock.lock();
            try {
                data = 42;
            } finally {
                lock.unlock();
            }
        }, "writer");
        writer.start();
        Edges.sleep(100);
        lock.lock();
        try {
            System.out.println("NoRaceReentrantLock: " + data);
        } finally {
            lock.unlock();
        }
        writer.join();
    }
}
