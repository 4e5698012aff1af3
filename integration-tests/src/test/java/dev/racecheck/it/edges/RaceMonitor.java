package dev.racecheck.it.edges;

/**
 * Monitor, edge removed: the writer holds the lock, the reader does not take it.
 * Expected: race on static field dev.racecheck.it.edges.RaceMonitor.data
 */
public final class RaceMonitor {
    static final Object lock = new Object();
    static int data;

    public static void main(String[] args) throws InterruptedException {
        Edges.warmUp();
        Thread writer = new Thread(() -> {
            synchronized (lock) {
                data = 42; // racy access
            }
        }, "writer");
        writer.start();
        Edges.sleep(100);
        System.out.println("RaceMonitor: " + data); // racy access
        writer.join();
    }
}
