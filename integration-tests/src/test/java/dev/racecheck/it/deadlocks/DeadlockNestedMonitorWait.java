package dev.racecheck.it.deadlocks;

/**
 * The nested monitor lockout: t1 holds OUTER and waits on INNER (wait gives up INNER only; taking it back when
 * notified, holding OUTER, is an acquisition too); t3 notifies. Later t2 takes INNER then OUTER.
 * Expected: potential deadlock: monitor java.lang.Object => monitor java.lang.Object
 */
public class DeadlockNestedMonitorWait {
    static final Object OUTER = new Object();
    static final Object INNER = new Object();
    static boolean ready; // guarded by INNER
    static int work;

    public static void main(String[] args) {
        Thread t1 = Deadlocks.start("t1", () -> {
            synchronized (OUTER) { // lock order
                synchronized (INNER) { // lock order
                    while (!ready) {
                        try {
                            INNER.wait();
                        } catch (InterruptedException e) {
                            throw new IllegalStateException(e);
                        }
                    }
                    work++;
                }
            }
        });
        Thread t3 = Deadlocks.start("t3", () -> {
            Deadlocks.awaitState(t1, Thread.State.WAITING);
            synchronized (INNER) {
                ready = true;
                INNER.notifyAll();
            }
        });
        Thread t2 = Deadlocks.start("t2", () -> {
            Deadlocks.awaitTerminated(t1);
            synchronized (INNER) { // lock order
                synchronized (OUTER) { // lock order
                    work++;
                }
            }
        });
        Deadlocks.join(t1, t2, t3);
        System.out.println("work=" + work);
    }
}
