package dev.racecheck.it.predict;

/**
 * wait/notify with the condition under the lock: t1: x = 1; sync(M) { done = true; notifyAll }. t2: sync(M) {
 * while (!done) wait }; x = 2. t2 leaves its loop only after reading done == true inside M (whatever woke it:
 * notify, spurious wake-up), i.e. after t1's section. Data-race free.
 * Expected: no race
 */
public class NoPredictWaitNotify {
    static final Object M = new Object();
    static int x;
    static boolean done; // guarded by M

    public static void main(String[] args) {
        Thread t2 = new Thread(() -> {
            synchronized (M) {
                while (!done) {
                    try {
                        M.wait();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
            x = 2;
        }, "t2");
        Thread t1 = new Thread(() -> {
            Probe.awaitState(t2, Thread.State.WAITING); // usually; not needed for correctness
            x = 1;
            synchronized (M) {
                done = true;
                M.notifyAll();
            }
        }, "t1");
        t2.start();
        t1.start();
        Probe.join(t1, t2);
        System.out.println("x=" + x);
    }
}
