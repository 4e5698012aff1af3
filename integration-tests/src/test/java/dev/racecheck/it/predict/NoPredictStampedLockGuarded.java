package dev.racecheck.it.predict;

import java.util.concurrent.locks.StampedLock;

/**
 * A StampedLock guards a flag: t1: x = 1; write lock { ready = true }. t2: until (read lock { ready }) retry; then
 * x = 2. A read section that saw t1's write follows t1's write section. Data-race free.
 * Expected: no race
 */
public class NoPredictStampedLockGuarded {
    static final StampedLock S = new StampedLock();
    static int x;
    static boolean ready; // guarded by S

    public static void main(String[] args) {
        Thread t1 = new Thread(() -> {
            x = 1;
            long stamp = S.writeLock();
            try {
                ready = true;
            } finally {
                S.unlockWrite(stamp);
            }
        }, "t1");
        Thread t2 = new Thread(() -> {
            for (;;) {
                long stamp = S.readLock();
                boolean r;
                try {
                    r = ready;
                } finally {
                    S.unlockRead(stamp);
                }
                if (r) break;
                Probe.pause();
            }
            x = 2;
        }, "t2");
        t1.start();
        t2.start();
        Probe.join(t1, t2);
        System.out.println("x=" + x);
    }
}
