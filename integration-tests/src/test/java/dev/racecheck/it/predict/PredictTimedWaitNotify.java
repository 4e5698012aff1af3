package dev.racecheck.it.predict;

/**
 * STRETCH. t2: sync(M) { M.wait(10 s) } then x = 2. t1, once t2 waits: x = 1; sync(M) { M.notifyAll() }. In this run
 * the notify wakes t2 (HB through M). But a timed wait may return without the notify (time-out, or a spurious
 * wake-up): t2 can run to x = 2 before t1's section, next to t1's x = 1. A real race; a detector that treats
 * notify -> wake-up as a hard edge misses it (no false alarm either way).
 * Expected: race on static field dev.racecheck.it.predict.PredictTimedWaitNotify.x
 */
// STRETCH
public class PredictTimedWaitNotify {
    static final Object M = new Object();
    static int x;

    public static void main(String[] args) {
        Thread t2 = new Thread(() -> {
            synchronized (M) {
                try {
                    M.wait(10_000);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }
            x = 2; // racy access
        }, "t2");
        Thread t1 = new Thread(() -> {
            Probe.awaitState(t2, Thread.State.TIMED_WAITING);
            x = 1; // racy access
            synchronized (M) {
                M.notifyAll();
            }
        }, "t1");
        t2.start();
        t1.start();
        Probe.join(t1, t2);
        System.out.println("x=" + x);
    }
}
