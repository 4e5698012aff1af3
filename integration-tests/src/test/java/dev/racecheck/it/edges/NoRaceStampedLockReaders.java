package dev.racecheck.it.edges;

import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.StampedLock;

/**
 * StampedLock used as documented: several threads read under read locks (readLock/unlockRead, tryReadLock/unlock,
 * the asReadLock() view), one writes under the write lock (writeLock/unlock, the asWriteLock() view) and converts
 * it to a read lock (tryConvertToReadLock) to read on. Whatever the schedule, every read is ordered with every write.
 * Expected: no race
 */
public final class NoRaceStampedLockReaders {
    static final StampedLock sl = new StampedLock();
    static int data;

    public static void main(String[] args) throws InterruptedException {
        Edges.warmUp();
        Lock readView = sl.asReadLock();
        Lock writeView = sl.asWriteLock();
        Thread[] readers = new Thread[3];
        long[] sums = new long[readers.length + 1]; // the last one is the writer's
        for (int t = 0; t < readers.length; t++) {
            int me = t;
            readers[t] = new Thread(() -> {
                for (int i = 0; i < 200; i++) {
                    if (me == 0) {
                        long stamp = sl.readLock();
                        try {
                            sums[me] += data;
                        } finally {
                            sl.unlockRead(stamp);
                        }
                    } else if (me == 1) {
                        long stamp = sl.tryReadLock();
                        if (stamp == 0L) stamp = sl.readLock();
                        try {
                            sums[me] += data;
                        } finally {
                            sl.unlock(stamp);
                        }
                    } else {
                        readView.lock();
                        try {
                            sums[me] += data;
                        } finally {
                            readView.unlock();
                        }
                    }
                }
            }, "reader-" + t);
            readers[t].start();
        }
        Thread writer = new Thread(() -> {
            for (int i = 0; i < 200; i++) {
                if (i % 2 == 0) {
                    long stamp = sl.writeLock();
                    data++;
                    stamp = sl.tryConvertToReadLock(stamp); // succeeds: this thread holds the write lock
                    try {
                        sums[readers.length] += data;
                    } finally {
                        sl.unlock(stamp);
                    }
                } else {
                    writeView.lock();
                    try {
                        data++;
                    } finally {
                        writeView.unlock();
                    }
                }
            }
        }, "writer");
        writer.start();
        for (Thread t : readers) t.join();
        writer.join();
        System.out.println("NoRaceStampedLockReaders: " + data + " " + (sums[1] + sums[2] >= 0));
    }
}
