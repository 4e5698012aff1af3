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
        Thread main = Thread.currentThread();
        Thread notifier = new Thread(() -> {
            Edges.awaitState(main, Thread.State.WAITING); // main waits in wait() by now (getState() is no edge)
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
