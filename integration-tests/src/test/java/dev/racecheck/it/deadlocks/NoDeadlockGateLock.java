package dev.racecheck.it.deadlocks;

/**
 * Both orders of A and B, but always under the gate lock G, in two threads at once: whoever holds A or B holds G,
 * so the inversion cannot deadlock.
 * Expected: no deadlock
 */
public class NoDeadlockGateLock {
    static final Object G = new Object();
    static final Object A = new Object();
    static final Object B = new Object();
    static int work;

    public static void main(String[] args) {
        Thread t1 = Deadlocks.start("t1", () -> {
            for (int i = 0; i < 100; i++) {
                synchronized (G) {
                    synchronized (A) {
                        synchronized (B) {
                            work++;
                        }
                    }
                }
            }
        });
        Thread t2 = Deadlocks.start("t2", () -> {
            for (int i = 0; i < 100; i++) {
                synchronized (G) {
                    synchronized (B) {
                        synchronized (A) {
                            work++;
                        }
                    }
                }
            }
        });
        Deadlocks.join(t1, t2);
        System.out.println("work=" + work);
    }
}
