package dev.racecheck.it.deadlocks;

/**
 * Three threads, one after the other: A -> B, B -> C, C -> A. No two of them invert a pair; the three together do.
 * Expected: potential deadlock: monitor java.lang.Object => monitor java.lang.Object => monitor java.lang.Object
 */
public class DeadlockThreeLocks {
    static final Object A = new Object();
    static final Object B = new Object();
    static final Object C = new Object();
    static int work;

    static void both(Object first, Object second) {
        synchronized (first) { // lock order
            synchronized (second) { // lock order
                work++;
            }
        }
    }

    public static void main(String[] args) {
        Thread t1 = Deadlocks.start("t1", () -> both(A, B));
        Thread t2 = Deadlocks.start("t2", () -> {
            Deadlocks.awaitTerminated(t1);
            both(B, C);
        });
        Thread t3 = Deadlocks.start("t3", () -> {
            Deadlocks.awaitTerminated(t2);
            both(C, A);
        });
        Deadlocks.join(t1, t2, t3);
        System.out.println("work=" + work);
    }
}
