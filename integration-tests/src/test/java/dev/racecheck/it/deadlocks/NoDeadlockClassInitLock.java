package dev.racecheck.it.deadlocks;

/**
 * A static initializer takes L, and every first use of its class is made holding L: L, then the class's
 * initialization, then L again (reentrant). Two threads race to be first; no cycle in any schedule.
 * Expected: no deadlock
 */
public class NoDeadlockClassInitLock {
    static final Object L = new Object();
    static int initCount; // guarded by L

    static final class Holder {
        static final int VALUE;

        static {
            synchronized (L) {
                initCount++;
                VALUE = 42;
            }
        }
    }

    public static void main(String[] args) {
        int[] seen = new int[2];
        Thread t1 = Deadlocks.start("t1", () -> {
            synchronized (L) {
                seen[0] = Holder.VALUE;
            }
        });
        Thread t2 = Deadlocks.start("t2", () -> {
            synchronized (L) {
                seen[1] = Holder.VALUE;
            }
        });
        Deadlocks.join(t1, t2);
        synchronized (L) {
            System.out.println((seen[0] + seen[1]) + " " + initCount);
        }
    }
}
