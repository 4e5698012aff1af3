package dev.racecheck.it.edges;

import java.util.concurrent.locks.StampedLock;

/**
 * StampedLock, edge removed: the reader does not take the read lock.
 * Expected: race on static field dev.racecheck.it.edges.RaceStampedLock.data
 */
public final class RaceStampedLock {
    static final StampedLock sl = new StampedLock();
    static int data;

    public static void main(String[] args) throws InterruptedException {
        Edges.warmUp();
        Thread writer = new Thread(() -> {
            long stamp = sl.writeLock();
            try {
                data = 42; // racy access
            } finally {
                sl.unlockWrite(stamp);
            }
        }, "writer");
        writer.start();
        Edges.sleep(100);
        System.out.println("RaceStampedLock: " + data); // racy access
        writer.join();
    }
}
