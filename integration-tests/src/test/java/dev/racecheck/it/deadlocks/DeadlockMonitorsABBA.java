package dev.racecheck.it.deadlocks;

/**
 * The classic lock-order inversion with synchronized blocks: t1 takes A then B; later t2 takes B then A. This run
 * does not deadlock (t2 starts its sections after t1 has ended), another schedule does.
 * Expected: potential deadlock: monitor java.lang.Object => monitor java.lang.Object
 */
public class DeadlockMonitorsABBA {
    static final Object A = new Object();
    static final Object B = new Object();
    static int work;

    public static void main(String[] args) {
        Thread t1 = Deadlocks.start("t1", () -> {
            synchronized (A) { // lock order
                synchronized (B) { // lock order
                    work++;
                }
            }
        });
        Thread t2 = Deadlocks.start("t2", () -> {
            Deadlocks.awaitTerminated(t1);
            synchronized (B) { // lock order
                synchronized (A) { // lock order
                    work++;
                }
            }
        });
        Deadlocks.join(t1, t2);
        System.out.println("work=" + work);
    }
}
