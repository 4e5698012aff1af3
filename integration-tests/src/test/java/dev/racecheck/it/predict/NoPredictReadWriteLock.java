package dev.racecheck.it.predict;

import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * x is written only under RW's write lock and read only under its read lock (two readers, one writer, at once). A
 * write section and a read section of one read-write lock conflict and are ordered; read sections only read.
 * Data-race free.
 * Expected: no race
 */
public class NoPredictReadWriteLock {
    static final ReentrantReadWriteLock RW = new ReentrantReadWriteLock();
    static int x;

    public static void main(String[] args) {
        long[] sums = new long[2];
        Thread writer = new Thread(() -> {
            for (int i = 0; i < 300; i++) {
                RW.writeLock().lock();
                try {
                    x++;
                } finally {
                    RW.writeLock().unlock();
                }
            }
        }, "writer");
        Thread[] readers = new Thread[2];
        for (int k = 0; k < 2; k++) {
            final int me = k;
            readers[k] = new Thread(() -> {
                for (int i = 0; i < 300; i++) {
                    RW.readLock().lock();
                    try {
                        sums[me] += x;
                    } finally {
                        RW.readLock().unlock();
                    }
                }
            }, "reader-" + k);
        }
        writer.start();
        for (Thread r : readers) r.start();
        Probe.join(writer, readers[0], readers[1]);
        System.out.println(x + " " + (sums[0] + sums[1] >= 0));
    }
}
