package demo;

/**
 * Issue #15's example: the increments race only when the child enters the lock first; when main does, its wait
 * hands the lock to the child and orders them.
 */
public class Handshake {
    private final Object lock = new Object();
    private boolean waiting = true; // guarded by lock
    private int steps;

    public int run() throws InterruptedException {
        Thread child = new Thread(() -> {
            synchronized (lock) {
                lock.notify();
                waiting = false;
            }
            steps++;
        }, "child");
        child.start();
        steps++;
        synchronized (lock) {
            if (waiting) lock.wait();
        }
        child.join();
        return steps;
    }
}
