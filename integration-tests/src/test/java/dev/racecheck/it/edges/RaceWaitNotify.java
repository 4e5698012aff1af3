package dev.racecheck.it.edges;

/**
 * Object.wait/notifyAll, edge broken: the notifier writes after leaving the monitor.
 * Expected: race on static field dev.racecheck.it.edges.RaceWaitNotify.data
 */
public final class RaceWaitNotify {
    static final Object lock = new Object();
    static boolean ready; // guarded by lock
    static int data;

    public static void main(String[] args) throws InterruptedException {
        Edges.warmUp();
        Thread main = Thread.currentThread();
        Thread notifier = new Thread(() -> {
            Edges.awaitState(main, Thread.State.WAITING); // main waits in wait() by now (getState() is no edge)
            synchronized (lock) {
                ready = true;
                lock.notifyAll();
            }
            data = 42; // racy access
        }, "notifier");
        notifier.start();
        synchronized (lock) {
            while (!ready) {
                lock.wait();
            }
        }
        Edges.sleep(100);
        System.out.println("RaceWaitNotify: " + data); // racy access
        notifier.join();
    }
}
