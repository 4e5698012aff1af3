package dev.racecheck.it.predict;

/**
 * Needs WCP's rule (b) (a section whose acquire is ordered before another section's release is ordered as a
 * whole). t1: sync(M) { sync(N) { y = 1 }; x = 1 }. t2: polls y under N until 1; then sync(M) {}; x = 2. When t2
 * sees y == 1, t1 is inside M (or past it), so t2's M section starts after t1 released M, after x = 1. The M
 * sections themselves do not conflict (x = 1 is inside t1's, x = 2 outside t2's), and x = 1 is after t1's N
 * section: rule (a) alone does not order x = 1 before x = 2. Data-race free.
 * Expected: no race
 */
public class NoPredictRuleB {
    static final Object M = new Object();
    static final Object N = new Object();
    static int x;
    static int y; // guarded by N

    public static void main(String[] args) {
        Thread t1 = new Thread(() -> {
            synchronized (M) {
                synchronized (N) {
                    y = 1;
                }
                x = 1;
            }
        }, "t1");
        Thread t2 = new Thread(() -> {
            for (;;) {
                synchronized (N) {
                    if (y == 1) break;
                }
                Probe.pause();
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
