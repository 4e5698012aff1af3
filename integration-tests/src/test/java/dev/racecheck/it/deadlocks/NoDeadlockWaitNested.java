package dev.racecheck.it.deadlocks;

/**
 * The same with Object.wait in nested monitors: t1 OUTER { A { A.wait() } }, then X alone; t3 (after t1) X { A } and
 * X { OUTER }. No cycle.
 * Expected: no deadlock
 */
public class NoDeadlockWaitNested {
    static final Object OUTER = new Object();
    static final Object A = new Object();
    static final Object X = new Object();
    static boolean ready; // guarded by A
    static int work; // guarded by X

    public static void main(String[] args) {
        Thread t1 = Deadlocks.start("t1", () -> {
            synchronized (OUTER) {
                synchronized (A) {
                    while (!ready) {
                        try {
                            A.wait();
                        } catch (InterruptedException e) {
                            throw new IllegalStateException(e);
                        }
                    }
                }
            }
            synchronized (X) {
                work++;
            }
        });
        Thread t2 = Deadlocks.start("t2", () -> {
            Deadlocks.awaitState(t1, Thread.State.WAITING);
            synchronized (A) {
                ready = true;
                A.notifyAll();
            }
        });
        Thread t3 = Deadlocks.start("t3", () -> {
            Deadlocks.awaitTerminated(t1);
            synchronized (X) {
                synchronized (A) {
                    work++;
                }
                synchronized (OUTER) {
                    work++;
                }
            }
        });
        Deadlocks.join(t1, t2, t3);
        System.out.println("work=" + work);
    }
}
