package dev.racecheck.it.edges;

import java.util.concurrent.locks.StampedLock;

/**
 * StampedLock write and read modes: unlockWrite() happens-before a later readLock() (and writeLock()).
 * Expected: no race
 */
public final class NoRaceStampedLock {
    static final StampedLock sl = new StampedLock();
    static int data;

    public static void main(String[] args) throws InterruptedException {
        Edges.warmUp();
        Thread writer = new Thread(() -> {
            long stamp = sl.writeLock();
            try {
                data = 42;
            } finally {
                sl.unlockWrite(stamp);
            }
        }, "writer");
        writer.start();
        Edges.sleep(100);
        long stamp = sl.readLock();
        try {
            System.out.println("NoRaceStampedLock: " + data);
        } finally {
            sl.unlockRead(stamp);
        }
        writer.join();
    }
}
