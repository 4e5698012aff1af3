package dev.racecheck.it.predict;

/**
 * Every access to x is inside M (some also inside N, always in the order M then N). Sections that access x conflict
 * and stay ordered; x is never accessed outside M. Three threads at once. Data-race free.
 * Expected: no race
 */
public class NoPredictProtectedByLock {
    static final Object M = new Object();
    static final Object N = new Object();
    static int x;

    public static void main(String[] args) {
        Thread[] threads = new Thread[3];
        for (int i = 0; i < threads.length; i++) {
            final boolean nested = i == 1;
            threads[i] = new Thread(() -> {
                for (int r = 0; r < 300; r++) {
                    synchronized (M) {
                        if (nested) {
                            synchronized (N) {
                                x++;
                            }
                        } else {
                            x++;
                        }
                    }
                }
            }, "t" + (i + 1));
        }
        for (Thread t : threads) t.start();
        Probe.join(threads);
        System.out.println("x=" + x);
    }
}
