package dev.racecheck.it.predict;

import java.util.concurrent.locks.ReentrantLock;

/**
 * t2 polls a flag with an untimed tryLock (a failed tryLock is no acquisition; a successful one is). t1: x = 1;
 * L.lock() { ready = true }. t2: until (tryLock succeeds and ready) retry; then x = 2. The successful tryLock that
 * saw ready == true follows t1's section. Data-race free.
 * Expected: no race
 */
public class NoPredictTryLockSpin {
    static final ReentrantLock L = new ReentrantLock();
    static int x;
    static boolean ready; // guarded by L

    public static void main(String[] args) {
        Thread t1 = new Thread(() -> {
            x = 1;
            L.lock();
            try {
                ready = true;
            } finally {
                L.unlock();
            }
        }, "t1");
        Thread t2 = new Thread(() -> {
            for (;;) {
                if (L.tryLock()) {
                    try {
                        if (ready) break;
                    } finally {
                        L.unlock();
                    }
                }
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
