package dev.racecheck.it.predict;

/**
 * x written INSIDE t1's section together with the flag; t2 polls the flag under the lock, then reads x outside.
 * t2's read of x follows the section that saw ready == true, which follows t1's whole section. Data-race free.
 * Expected: no race
 */
public class NoPredictPublishInsideCS {
    static final Object M = new Object();
    static int x;
    static boolean ready; // guarded by M

    public static void main(String[] args) {
        int[] seen = new int[1];
        Thread t1 = new Thread(() -> {
            synchronized (M) {
                x = 42;
                ready = true;
            }
        }, "t1");
        Thread t2 = new Thread(() -> {
            for (;;) {
                synchronized (M) {
                    if (ready) break;
                }
                Probe.pause();
            }
            seen[0] = x;
            x = 43;
        }, "t2");
        t1.start();
        t2.start();
        Probe.join(t1, t2);
        System.out.println("seen=" + seen[0]);
    }
}
