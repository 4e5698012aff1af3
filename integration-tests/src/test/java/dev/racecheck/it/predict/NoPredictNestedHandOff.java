package dev.racecheck.it.predict;

/**
 * As NoPredictTwoLockChain, but t2 relays inside nested sections: sync(A) { if (f1) sync(B) { f2 = true } }. The
 * B section that writes f2 is inside the A section that read f1 == true. Data-race free.
 * Expected: no race
 */
public class NoPredictNestedHandOff {
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
            for (boolean done = false; !done; ) {
                synchronized (A) {
                    if (f1) {
                        synchronized (B) {
                            f2 = true;
                        }
                        done = true;
                    }
                }
                if (!done) Probe.pause();
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
