package dev.racecheck.it.predict;

import java.util.concurrent.CountDownLatch;

/**
 * t1: x = 1; sync(M) {}; latch.countDown(). t2: latch.await(); sync(M) {}; x = 2. The latch orders. Data-race free.
 * Expected: no race
 */
public class NoPredictCountDownLatch {
    static final Object M = new Object();
    static final CountDownLatch LATCH = new CountDownLatch(1);
    static int x;

    public static void main(String[] args) {
        Thread t1 = new Thread(() -> {
            x = 1;
            synchronized (M) {
            }
            LATCH.countDown();
        }, "t1");
        Thread t2 = new Thread(() -> {
            try {
                LATCH.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
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
