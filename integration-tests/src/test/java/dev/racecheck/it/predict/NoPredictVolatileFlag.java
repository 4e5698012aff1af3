package dev.racecheck.it.predict;

/**
 * A volatile flag is real synchronization. t1: x = 1; sync(M) {}; flag = true (volatile). t2: spins until flag;
 * sync(M) {}; x = 2. The lock sections are decoys that carry nothing; the volatile write -> read orders x = 1
 * before x = 2 in every execution (t2 passes its loop only after reading true). Data-race free.
 * Expected: no race
 */
public class NoPredictVolatileFlag {
    static final Object M = new Object();
    static int x;
    static volatile boolean flag;

    public static void main(String[] args) {
        Thread t1 = new Thread(() -> {
            x = 1;
            synchronized (M) {
            }
            flag = true;
        }, "t1");
        Thread t2 = new Thread(() -> {
            while (!flag) Probe.pause();
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
