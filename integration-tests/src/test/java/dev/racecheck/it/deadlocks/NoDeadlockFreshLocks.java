package dev.racecheck.it.deadlocks;

/**
 * 40,000 pairs of fresh lock objects of one class, with GC: t1 nests each of its pairs p -> q, t2 each of its own
 * q' -> p'. No object is taken in both orders; a detector that confused dead locks with new ones (an identity hash
 * reused) would see cycles.
 * Expected: no deadlock
 */
public class NoDeadlockFreshLocks {
    static final class Lock {
    }

    static int work1; // t1's
    static int work2; // t2's

    static void nest(int rounds) {
        for (int i = 0; i < rounds; i++) {
            Lock p = new Lock();
            Lock q = new Lock();
            synchronized (p) {
                synchronized (q) {
                    work1++;
                }
            }
            if (i % 10_000 == 0) System.gc();
        }
    }

    static void nestReversed(int rounds) {
        for (int i = 0; i < rounds; i++) {
            Lock p = new Lock();
            Lock q = new Lock();
            synchronized (q) {
                synchronized (p) {
                    work2++;
                }
            }
            if (i % 10_000 == 0) System.gc();
        }
    }

    public static void main(String[] args) {
        Thread t1 = Deadlocks.start("t1", () -> nest(20_000));
        Thread t2 = Deadlocks.start("t2", () -> {
            Deadlocks.awaitTerminated(t1);
            nestReversed(20_000);
        });
        Deadlocks.join(t1, t2);
        System.out.println("work=" + (work1 + work2));
    }
}
