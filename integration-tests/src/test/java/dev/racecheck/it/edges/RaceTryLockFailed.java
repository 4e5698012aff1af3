package dev.racecheck.it.edges;

import java.util.concurrent.locks.ReentrantLock;

/**
 * No edge: a tryLock() that fails (another thread holds the lock) is no lock operation, even though the lock was
 * released before (main writes, unlocks, and locks again before the reader tries).
 * Expected: race on static field dev.racecheck.it.edges.RaceTryLockFailed.data
 */
public final class RaceTryLockFailed {
    static final ReentrantLock lock = new ReentrantLock();
    static int data;

    public static void main(String[] args) throws InterruptedException {
        Edges.warmUp();
        Edges.Signal relocked = new Edges.Signal();
        Edges.Signal tried = new Edges.Signal();
        Thread reader = new Thread(() -> {
            relocked.await("main holds the lock again");
            boolean locked = lock.tryLock();
            tried.raise(); // main keeps the lock until then, however slow the reader is
            Edges.check(!locked, "tryLock() failed: main holds the lock");
            System.out.println("RaceTryLockFailed: " + data); // racy access
        }, "reader");
        reader.start();
        lock.lock();
        data = 42; // racy access
        lock.unlock();
        lock.lock();
        relocked.raise();
        tried.await("the reader tried the lock");
        lock.unlock();
        reader.join();
    }
}
