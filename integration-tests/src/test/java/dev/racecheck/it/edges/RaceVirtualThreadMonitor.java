package dev.racecheck.it.edges;

/**
 * A virtual thread blocked entering a synchronized block, edge broken: main writes after exiting the monitor.
 * Requires: JDK 21
 * Expected: race on static field dev.racecheck.it.edges.RaceVirtualThreadMonitor.data
 */
public final class RaceVirtualThreadMonitor {
    static final Object lock = new Object();
    static int data;

    public static void main(String[] args) throws InterruptedException {
        Edges.warmUp();
        Thread virtual;
        synchronized (lock) {
            virtual = Edges.startVirtual(() -> {
                synchronized (lock) { // blocks until main exits the monitor
                    Edges.sleep(100);
                    System.out.println("RaceVirtualThreadMonitor: " + data); // racy access
                }
            });
            Edges.awaitState(virtual, Thread.State.BLOCKED); // blocked entering the monitor (getState() is no edge)
        }
        data = 42; // racy access
        virtual.join();
    }
}
