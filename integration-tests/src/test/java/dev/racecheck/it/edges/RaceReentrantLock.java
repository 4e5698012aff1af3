package dev.racecheck.it.edges;

import java.util.concurrent.locks.ReentrantLock;

/**
 * ReentrantLock, edge removed: the reader does not take the lock.
 * Expected: race on static field dev.racecheck.it.edges.RaceReentrantLock.data
 */
public final class RaceReentrantLock {
    static final ReentrantLock lock = new ReentrantLock();
    static int data;

    public static void main(String[] args) throws InterruptedException {
        Edges.warmUp();
        Thread writer = new Thread(() -> {
            lock.lock();
            try {
                data = 42; // racy access
            } finally {
                lock.unlock();
            }
        }, "writer");
        writer.start();
        Edges.sleep(100);
        System.out.println("RaceReentrantLock: " + data); // racy access
        writer.join();
    }
}
