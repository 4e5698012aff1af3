package dev.racecheck.it.predict;

/**
 * t2 reads, inside the lock, the flag t1 wrote inside the lock, and only then reads x. t1: x = 42; sync(M) { ready =
 * true }. t2: loop { sync(M) { r = ready } } until r; then reads x. The read of x follows a section that saw t1's
 * write, hence follows t1's section and t1's x = 42. Data-race free in every execution.
 * Expected: no race
 */
public class NoPredictReadValueThenReadX {
    static final Object M = new Object();
    static int x;
    static boolean ready; // guarded by M

    public static void main(String[] args) {
        int[] seen = new int[1];
        Thread t1 = new Thread(() -> {
            x = 42;
            synchronized (M) {
                ready = true;
            }
        }, "t1");
        Thread t2 = new Thread(() -> {
            for (;;) {
                boolean r;
                synchronized (M) {
                    r = ready;
                }
                if (r) break;
                Probe.pause();
            }
            seen[0] = x;
        }, "t2");
        t1.start();
        t2.start();
        Probe.join(t1, t2);
        System.out.println("seen=" + seen[0]);
    }
}
