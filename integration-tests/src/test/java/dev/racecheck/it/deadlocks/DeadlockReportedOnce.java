package dev.racecheck.it.deadlocks;

/**
 * One inversion, each order taken a thousand times: reported once (DeadlocksIT checks there is exactly one report).
 * Expected: potential deadlock: monitor java.lang.Object => monitor java.lang.Object
 */
public class DeadlockReportedOnce {
    static final Object A = new Object();
    static final Object B = new Object();
    static int work;

    static void aThenB() {
        synchronized (A) { // lock order
            synchronized (B) { // lock order
                work++;
            }
        }
    }

    static void bThenA() {
        synchronized (B) { // lock order
            synchronized (A) { // lock order
                work++;
            }
        }
    }

    public static void main(String[] args) {
        Thread t1 = Deadlocks.start("t1", () -> {
            for (int i = 0; i < 1000; i++) aThenB();
        });
        Thread t2 = Deadlocks.start("t2", () -> {
            Deadlocks.awaitTerminated(t1);
            for (int i = 0; i < 1000; i++) bThenA();
        });
        Deadlocks.join(t1, t2);
        System.out.println("work=" + work);
    }
}
