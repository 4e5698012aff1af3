package dev.racecheck.it.edges;

/**
 * A virtual thread blocked entering a synchronized block: main's monitor exit happens-before its monitor enter.
 * Requires: JDK 21
 * Expected: no race
 */
public final class NoRaceVirtualThreadMonitor {
    static final Object lock = new Object();
    static int data;

    public static void main(String[] args) throws InterruptedException {
        Edges.warmUp();
        Thread virtual;
        synchronized (lock) {
            virtual = Edges.startVirtual(() -> {
                synchronized (lock) { // blocks until main exits the monitor
                    System.out.println("NoRaceVirtualThreadMonitor: " + data);
                }
            });
            Edges.awaitState(virtual, Thread.State.BLOCKED); // blocked entering the monitor (getState() is no edge)
            data = 42;
        }
        virtual.join();
    }
}
