package dev.racecheck.it.predict;

/**
 * Fork/join makes the reordering infeasible: t1: x = 1; sync(M) {}. main joins t1, THEN starts t2: sync(M) {};
 * x = 2. t2 does not exist before t1 has ended. Data-race free.
 * Expected: no race
 */
public class NoPredictForkJoin {
    static final Object M = new Object();
    static int x;

    public static void main(String[] args) {
        Thread t1 = new Thread(() -> {
            x = 1;
            synchronized (M) {
            }
        }, "t1");
        t1.start();
        Probe.join(t1);
        Thread t2 = new Thread(() -> {
            synchronized (M) {
            }
            x = 2;
        }, "t2");
        t2.start();
        Probe.join(t2);
        System.out.println("x=" + x);
    }
}
