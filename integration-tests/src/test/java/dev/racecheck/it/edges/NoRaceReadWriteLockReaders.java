package dev.racecheck.it.edges;

import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * ReentrantReadWriteLock used as documented: several threads read under the read lock, one writes under the write
 * lock (and downgrades: takes the read lock before giving up the write lock, and reads on). Whatever the schedule,
 * write-unlock -> read-lock and read-unlock -> write-lock order every read with every write.
 * Expected: no race
 */
public final class NoRaceReadWriteLockReaders {
    static final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
    static int data;

    public static void main(String[] args) throws InterruptedException {
        Edges.warmUp();
        Thread[] readers = new Thread[3];
        long[] sums = new long[readers.length + 1]; // the last one is the writer's
        for (int t = 0; t < readers.length; t++) {
            int me = t;
            readers[t] = new Thread(() -> {
                for (int i = 0; i < 200; i++) {
                    rw.readLock().lock();
                    try {
                        sums[me] += data;
                    } finally {
                        rw.readLock().unlock();
                    }
                }
            }, "reader-" + t);
            readers[t].start();
        }
        Thread writer = new Thread(() -> {
            for (int i = 0; i < 200; i++) {
                rw.writeLock().lock();
                rw.readLock().lock(); // downgrade: read on after the write lock is given up
                try {
                    data++;
                } finally {
                    rw.writeLock().unlock();
                }
                try {
                    sums[readers.length] += data;
                } finally {
                    rw.readLock().unlock();
                }
            }
        }, "writer");
        writer.start();
        for (Thread t : readers) t.join();
        writer.join();
        System.out.println("NoRaceReadWriteLockReaders: " + data + " " + (sums[1] + sums[2] >= 0));
    }
}
