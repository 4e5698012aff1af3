package dev.racecheck.it.edges;

import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * ReentrantReadWriteLock downgrade: the writer takes the read lock before it gives up the write lock, and reads on
 * under the read lock; a later reader sees the write (write-unlock -> read-lock) and a later writer comes after the
 * downgraded reads (read-unlock -> write-lock). The next thread starts once the previous one has ended, seen through
 * Thread.getState(), which is no edge.
 * Expected: no race
 */
public final class NoRaceReadWriteLockDowngrade {
    static final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
    static int data;

    public static void main(String[] args) throws InterruptedException {
        Edges.warmUp();
        Thread downgrader = new Thread(() -> {
            rw.writeLock().lock();
            data = 1;
            rw.readLock().lock();
            rw.writeLock().unlock();
            try {
                System.out.println("NoRaceReadWriteLockDowngrade: downgraded, sees " + data);
            } finally {
                rw.readLock().unlock();
            }
        }, "downgrader");
        Thread reader = new Thread(() -> {
            Edges.awaitEndWithoutEdge(downgrader);
            rw.readLock().lock();
            try {
                System.out.println("NoRaceReadWriteLockDowngrade: reader sees " + data);
            } finally {
                rw.readLock().unlock();
            }
        }, "reader");
        Thread writer = new Thread(() -> {
            Edges.awaitEndWithoutEdge(reader);
            rw.writeLock().lock();
            try {
                data = 2;
            } finally {
                rw.writeLock().unlock();
            }
        }, "writer");
        downgrader.start();
        reader.start();
        writer.start();
        writer.join();
        reader.join();
        downgrader.join();
    }
}
