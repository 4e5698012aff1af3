package dev.racecheck.it.predict;

/**
 * A DC-race that is not a race (DC needs its vindication step here; WCP, which composes with happens-before, and
 * any sound analysis do not report it). Found with tools/predict_check.py.
 *
 * t2: sync(N) { sync(P) { q = 1 }; poll q2 under P until 1 }.  t1: poll q under P until 1; x = 1; sync(P) { q2 = 1 }.
 * t3 (after t2, no edge): sync(N) { x = 2 }.
 *
 * t1's x = 1 happens while t2 holds N (t2 takes N before writing q, which t1 waits for, and keeps it until it
 * reads q2, which t1 writes after x = 1); t3's x = 2 happens while t3 holds N. So t3's section lies wholly before
 * t2's (then x = 2 precedes, through N, P and q, x = 1) or wholly after it (x = 1 precedes, through q2, P and N,
 * x = 2): never adjacent, and data-race free in every execution. DC sees no conflict between the N sections (x is
 * outside t2's) and does not compose with the N release -> acquire order, so it leaves the writes unordered.
 * Expected: no race
 */
public class NoPredictDcFalseRace {
    static final Object N = new Object();
    static final Object P = new Object();
    static int x;
    static int q, q2; // guarded by P

    public static void main(String[] args) {
        Probe.Flag qWritten = new Probe.Flag();
        Thread t2 = new Thread(() -> {
            synchronized (N) {
                synchronized (P) {
                    q = 1;
                }
                qWritten.set(); // time only: t1's first poll sees q == 1
                for (;;) {
                    synchronized (P) {
                        if (q2 == 1) break;
                    }
                    Probe.pause();
                }
            }
        }, "t2");
        Thread t1 = new Thread(() -> {
            qWritten.await();
            for (;;) {
                synchronized (P) {
                    if (q == 1) break;
                }
                Probe.pause();
            }
            x = 1;
            synchronized (P) {
                q2 = 1;
            }
        }, "t1");
        Thread t3 = new Thread(() -> {
            Probe.awaitTerminated(t2);
            synchronized (N) {
                x = 2;
            }
        }, "t3");
        t2.start();
        t1.start();
        t3.start();
        Probe.join(t1, t2, t3);
        System.out.println("x=" + x);
    }
}
