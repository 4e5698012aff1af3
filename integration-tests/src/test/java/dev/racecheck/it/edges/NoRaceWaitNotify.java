package dev.racecheck.it.edges;

/**
 * Object.wait/notifyAll: wait releases the monitor and takes it again before returning, so what the notifier did
 * under the monitor happens-before what the waiter does after wait returns.
 * Expected: no race
 */
public final class NoRaceWaitNotify {
    static final Object lock = new Object();
    static boolean ready; // guarded by lock
    static int data;

    public static void main(String[] args) throws InterruptedException {
        Edges.warmUp();
        Thread notifier = new Thread(() -> {
            Edges.sleep(50);
            synchronized (lock) {
                data = 42;
                ready = true;
                lock.notifyAll();
            }
        }, "notifier");
        notifier.start();
        synchronized (lock) {
            while (!ready) {
                lock.wait();
            }
        }
        System.out.println("NoRaceWaitNotify: " + data);
        notifier.join();
    }
}
