package dev.racecheck.it.edges;

import java.util.concurrent.locks.ReentrantLock;

/**
 * A virtual thread parked in ReentrantLock.lock(): main's unlock() happens-before the virtual thread's lock()
 * returns.
 * Requires: JDK 21
 * Expected: no race
 */
public final class NoRaceVirtualThreadLock {
    static final ReentrantLock lock = new ReentrantLock();
    static int data;

    public static void main(String[] args) throws InterruptedException {
        Edges.warmUp();
        lock.lock();
        Thread virtual = Edges.startVirtual(() -> {
            lock.lock(); // parks until main unlocks
            try {
                System.out.println("NoRaceVirtualThreadLock: " + data);
            } finally {
                lock.unlock();
            }
        });
        // hasQueuedThread() is no edge: racecheck models lock(), tryLock() and unlock() only.
        Edges.awaitCondition(() -> lock.hasQueuedThread(virtual), "the virtual thread is parked in lock()");
        data = 42;
        lock.unlock();
        virtual.join();
    }
}
