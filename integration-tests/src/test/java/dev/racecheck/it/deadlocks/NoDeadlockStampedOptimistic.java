package dev.racecheck.it.deadlocks;

import java.util.concurrent.locks.StampedLock;

/**
 * A monitor, then an optimistic read of a StampedLock (it never blocks: no edge); later the write lock, then the
 * monitor.
 * Expected: no deadlock
 */
public class NoDeadlockStampedOptimistic {
    static final StampedLock S = new StampedLock();
    static final Object M = new Object();
    static int x; // written under the write lock
    static int seen;

    public static void main(String[] args) {
        Thread t1 = Deadlocks.start("t1", () -> {
            synchronized (M) {
                long stamp = S.tryOptimisticRead();
                int v = x;
                if (S.validate(stamp)) seen = v;
            }
        });
        Thread t2 = Deadlocks.start("t2", () -> {
            Deadlocks.awaitTerminated(t1);
            long stamp = S.writeLock();
            try {
                synchronized (M) {
                    x++;
                }
            } finally {
                S.unlockWrite(stamp);
            }
        });
        Deadlocks.join(t1, t2);
        System.out.println("x=" + x);
    }
}
