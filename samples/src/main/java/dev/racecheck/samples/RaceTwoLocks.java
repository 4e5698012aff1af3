package dev.racecheck.samples;

/**
 * Locking only helps when every thread uses the same lock: two threads holding two different locks still race.
 * Expected: race on static field dev.racecheck.samples.RaceTwoLocks.counter
 */
public class RaceTwoLocks {
    static final Object LOCK_A = new Object();
    static final Object LOCK_B = new Object();
    static int counter;

    public static void main(String[] args) throws InterruptedException {
        Thread a = new Thread(() -> {
            synchronized (LOCK_A) {
                counter++; // racy access
            }
        }, "worker-a");
        Thread b = new Thread(() -> {
            synchronized (LOCK_B) { // BUG: must be LOCK_A as well
                counter++; // racy access
            }
        }, "worker-b");
        a.start();
        b.start();
        a.join();
        b.join();
        System.out.println("counter = " + counter + " (2 unless an increment was lost)");
    }
}
