package dev.racecheck.it.predict;

/**
 * t1: sync(M) {}; x = 1. main: sync(M) {} (a decoy, possibly before or after t1's), then t1.join(); x = 2. The join
 * orders t1's write before main's. Data-race free.
 * Expected: no race
 */
public class NoPredictJoinThenWrite {
    static final Object M = new Object();
    static int x;

    public static void main(String[] args) {
        Thread t1 = new Thread(() -> {
            synchronized (M) {
            }
            x = 1;
        }, "t1");
        t1.start();
        synchronized (M) {
        }
        Probe.join(t1);
        x = 2;
        System.out.println("x=" + x);
    }
}
