package dev.racecheck.it.predict;

import java.util.concurrent.Semaphore;

/**
 * A semaphore as a signal: t1: x = 1; sync(M) {}; release(). t2: acquire(); sync(M) {}; x = 2. Data-race free.
 * Expected: no race
 */
public class NoPredictSemaphore {
    static final Object M = new Object();
    static final Semaphore SIGNAL = new Semaphore(0);
    static int x;

    public static void main(String[] args) {
        Thread t1 = new Thread(() -> {
            x = 1;
            synchronized (M) {
            }
            SIGNAL.release();
        }, "t1");
        Thread t2 = new Thread(() -> {
            SIGNAL.acquireUninterruptibly();
            synchronized (M) {
            }
            x = 2;
        }, "t2");
        t1.start();
        t2.start();
        Probe.join(t1, t2);
        System.out.println("x=" + x);
    }
}
