package dev.racecheck.it.predict;

/**
 * t1: sync(M) { x = 1; start t2 }. t2: sync(M) {}; x = 2. t2 starts after x = 1 (fork edge); its section can only
 * follow t1's. Data-race free.
 * Expected: no race
 */
public class NoPredictStartInsideCS {
    static final Object M = new Object();
    static int x;

    public static void main(String[] args) {
        Thread t2 = new Thread(() -> {
            synchronized (M) {
            }
            x = 2;
        }, "t2");
        Thread t1 = new Thread(() -> {
            synchronized (M) {
                x = 1;
                t2.start();
            }
        }, "t1");
        t1.start();
        Probe.join(t1, t2);
        System.out.println("x=" + x);
    }
}
