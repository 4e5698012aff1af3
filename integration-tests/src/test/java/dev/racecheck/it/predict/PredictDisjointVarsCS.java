package dev.racecheck.it.predict;

/**
 * The critical sections do not conflict: t1's writes a, t2's writes b (different variables). t1: x = 1; sync(M)
 * { a = 1 }. t2 (after t1): sync(M) { b = 1 }; x = 2. Predictable race on x.
 * Expected: race on static field dev.racecheck.it.predict.PredictDisjointVarsCS.x
 */
public class PredictDisjointVarsCS {
    static final Object M = new Object();
    static int x, a, b;

    public static void main(String[] args) {
        Thread t1 = new Thread(() -> {
            x = 1; // racy access
            synchronized (M) {
                a = 1;
            }
        }, "t1");
        Thread t2 = new Thread(() -> {
            Probe.awaitTerminated(t1);
            synchronized (M) {
                b = 1;
            }
            x = 2; // racy access
        }, "t2");
        t1.start();
        t2.start();
        Probe.join(t1, t2);
        System.out.println("x=" + x + " a=" + a + " b=" + b);
    }
}
