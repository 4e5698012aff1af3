package dev.racecheck.it.predict;

/**
 * A release-acquire chain through two locks that CARRIES the order: t1: x = 1; sync(A) { f1 = true }. t2: polls
 * f1 under A; once true, sync(B) { f2 = true }. t3: polls f2 under B; once true, x = 2. Each link is a read inside
 * a lock of a value written inside the same lock: t3's write follows t2's B section, which follows t2's A section
 * that saw f1, which follows t1's A section and t1's x = 1. Data-race free.
 * Expected: no race
 */
public class NoPredictTwoLockChain {
    static final Object A = new Object();
    static final Object B = new Object();
    static int x;
    static boolean f1; // guarded by A
    static boolean f2; // guarded by B

    public static void main(String[] args) {
        Thread t1 = new Thread(() -> {
            x = 1;
            synchronized (A) {
                f1 = true;
            }
        }, "t1");
        Thread t2 = new Thread(() -> {
            for (;;) {
                synchronized (A) {
                    if (f1) break;
                }
                Probe.pause();
            }
            synchronized (B) {
                f2 = true;
            }
        }, "t2");
        Thread t3 = new Thread(() -> {
            for (;;) {
                synchronized (B) {
                    if (f2) break;
                }
                Probe.pause();
            }
            x = 2;
        }, "t3");
        t1.start();
        t2.start();
        t3.start();
        Probe.join(t1, t2, t3);
        System.out.println("x=" + x);
    }
}
