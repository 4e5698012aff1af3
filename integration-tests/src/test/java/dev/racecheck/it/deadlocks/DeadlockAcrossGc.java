package dev.racecheck.it.deadlocks;

/**
 * t1 takes A then B; then 200,000 short-lived locks of the same class come and go, with GCs (objects move; dead
 * locks' nodes leave the graph); then t2 takes B then A. A and B are the same objects throughout.
 * Expected: potential deadlock: monitor dev.racecheck.it.deadlocks.DeadlockAcrossGc$Lock => monitor dev.racecheck.it.deadlocks.DeadlockAcrossGc$Lock
 */
public class DeadlockAcrossGc {
    static final class Lock {
    }

    static final Lock A = new Lock();
    static final Lock B = new Lock();
    static int work;
    static long junk;

    public static void main(String[] args) {
        Thread t1 = Deadlocks.start("t1", () -> {
            synchronized (A) { // lock order
                synchronized (B) { // lock order
                    work++;
                }
            }
        });
        Deadlocks.awaitTerminated(t1);
        for (int round = 0; round < 4; round++) {
            for (int i = 0; i < 50_000; i++) {
                Lock outer = new Lock();
                Lock inner = new Lock();
                synchronized (outer) {
                    synchronized (inner) {
                        junk += new byte[64].length;
                    }
                }
            }
            System.gc();
        }
        Thread t2 = Deadlocks.start("t2", () -> {
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
