package dev.racecheck.cli.it.programs;

/**
 * Issue #15's example, for the schedule exploration tests: the two increments race only when the child enters the
 * lock first; when main does, its wait hands the lock to the child and orders them.
 */
public final class Handshake {
    private static final Object LOCK = new Object();
    private static boolean waiting = true; // guarded by LOCK
    private static int steps;

    private Handshake() {
    }

    public static void main(String[] args) throws InterruptedException {
        Thread child = new Thread(() -> {
            synchronized (LOCK) {
                LOCK.notify();
                waiting = false;
            }
            steps++; // racy access
        }, "child");
        child.start();
        steps++; // racy access
        synchronized (LOCK) {
            if (waiting) LOCK.wait();
        }
        child.join();
        System.out.println("steps = " + steps);
    }
}
