package dev.racecheck.it.predict;

import java.util.concurrent.CyclicBarrier;

/**
 * t1: x = 1; sync(M) {}; barrier.await(). t2: barrier.await(); sync(M) {}; x = 2. Everything before the barrier in
 * every party precedes everything after it in every party. Data-race free.
 * Expected: no race
 */
public class NoPredictCyclicBarrier {
    static final Object M = new Object();
    static final CyclicBarrier BARRIER = new CyclicBarrier(2);
    static int x;

    static void await() {
        try {
            BARRIER.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static void main(String[] args) {
        Thread t1 = new Thread(() -> {
            x = 1;
            synchronized (M) {
            }
            await();
        }, "t1");
        Thread t2 = new Thread(() -> {
            await();
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
