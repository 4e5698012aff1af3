package dev.racecheck.it.predict;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * As NoPredictVolatileFlag with an AtomicBoolean set/get, and the decoy section BEFORE t1's write.
 * Expected: no race
 */
public class NoPredictAtomicFlag {
    static final Object M = new Object();
    static final AtomicBoolean FLAG = new AtomicBoolean();
    static int x;

    public static void main(String[] args) {
        Thread t1 = new Thread(() -> {
            synchronized (M) {
            }
            x = 1;
            FLAG.set(true);
        }, "t1");
        Thread t2 = new Thread(() -> {
            while (!FLAG.get()) Probe.pause();
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
