package dev.racecheck.it.edges;

/**
 * Monitor (JLS 17.4.5): an unlock of a monitor happens-before every subsequent lock of that monitor.
 * Expected: no race
 */
public final class NoRaceMonitor {
    static final Object lock = new Object();
    static int data;

    public static void main(String[] args) throws InterruptedException {
        Edges.warmUp();
        Thread writer = new Thread(() -> {
            synchronized (lock) {
                data = 42;
            }
        }, "writer");
        writer.start();
        Edges.sleep(100);
        synchronized (lock) {
            System.out.println("NoRaceMonitor: " + data);
        }
        writer.join();
    }
}
