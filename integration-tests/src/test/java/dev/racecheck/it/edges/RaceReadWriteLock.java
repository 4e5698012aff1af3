package dev.racecheck.it.edges;

import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * ReentrantReadWriteLock, edge broken: the writer takes the read lock, which does not exclude the reader that holds
 * it at the same time.
 * Expected: race on static field dev.racecheck.it.edges.RaceReadWriteLock.data
 */
public final class RaceReadWriteLock {
    static final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
    static int data;

    public static void main(String[] args) throws InterruptedException {
        Edges.warmUp();
        Edges.Signal locked = new Edges.Signal();
        Thread writer = new Thread(() -> {
            locked.await("main holds the read lock"); // and keeps it until this thread has ended
            rw.readLock().lock(); // BUG: writing needs the write lock
            try {
                data = 42; // racy access
            } finally {
                rw.readLock().unlock();
            }
        }, "writer");
        writer.start();
        rw.readLock().lock();
        try {
            locked.raise();
            Edges.awaitEndWithoutEdge(writer); // it wrote under the read lock main holds (getState() is no edge)
            System.out.println("RaceReadWriteLock: " + data); // racy access
        } finally {
            rw.readLock().unlock();
        }
        writer.join();
    }
}
