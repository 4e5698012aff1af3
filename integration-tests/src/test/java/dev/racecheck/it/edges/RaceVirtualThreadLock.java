package dev.racecheck.it.edges;

import java.util.concurrent.locks.ReentrantLock;

/**
 * A virtual thread parked in ReentrantLock.lock(), edge broken: main writes after unlock().
 * Requires: JDK 21
 * Expected: race on static field dev.racecheck.it.edges.RaceVirtualThreadLock.data
 */
public final class RaceVirtualThreadLock {
    static final ReentrantLock lock = new ReentrantLock();
    static int data;

    public static void main(String[] args) throws InterruptedException {
        Edges.warmUp();
        lock.lock();
        Thread virtual = Edges.startVirtual(() -> {
            lock.lock(); // parks until main unlocks
            try {
                Edges.sleep(100);
                System.out.println("RaceVirtualThreadLock: " + data); // racy access
            } finally {
                lock.unlock();
            }
        });
        // hasQueuedThread() is no edge: racecheck models lock(), tryLock() and unlock() only.
        Edges.awaitCondition(() -> lock.hasQueuedThread(virtual), "the virtual thread is parked in lock()");
        lock.unlock();
        data = 42; // racy access
        virtual.join();
    }
}
