package dev.racecheck.it.edges;

/**
 * Volatile, edge broken: the writer writes the data after the volatile write that was meant to publish it.
 * Expected: race on static field dev.racecheck.it.edges.RaceVolatile.data
 */
public final class RaceVolatile {
    static volatile boolean ready;
    static int data;

    public static void main(String[] args) throws InterruptedException {
        Edges.warmUp();
        Thread writer = new Thread(() -> {
            ready = true;
            data = 42; // racy access
        }, "writer");
        writer.start();
        while (!ready) {
            Thread.onSpinWait();
        }
        Edges.sleep(100);
        System.out.println("RaceVolatile: " + data); // racy access
        writer.join();
    }
}
