package dev.racecheck.it.edges;

import java.util.concurrent.locks.ReentrantLock;

/**
 * No edge: unlock() of a lock the thread does not hold throws IllegalMonitorStateException and releases nothing. The
 * writer writes and calls unlock() without holding the lock; main locks it and reads. (racecheck used to release on
 * entry of unlock().)
 * Expected: race on static field dev.racecheck.it.edges.RaceReentrantLockUnlockNotHeld.data
 */
public final class RaceReentrantLockUnlockNotHeld {
    static final ReentrantLock lock = new ReentrantLock();
    static int data;

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        Edges.Signal done = new Edges.Signal();
        Thread writer = Edges.thread("writer", () -> {
            data = 42; // racy access
            try {
                lock.unlock();
                Edges.check(false, "unlock() of a lock not held returned");
            } catch (IllegalMonitorStateException expected) {
                done.raise();
            }
        });
        writer.start();
        done.await("the writer's unlock() threw");
        lock.lock();
        try {
            System.out.println("RaceReentrantLockUnlockNotHeld: " + data); // racy access
        } finally {
            lock.unlock();
        }
        Edges.awaitEndWithoutEdge(writer);
    }
}
