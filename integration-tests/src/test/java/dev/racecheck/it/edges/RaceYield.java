package dev.racecheck.it.edges;

/**
 * No edge: Thread.yield has no synchronization semantics (JLS 17.3).
 * Expected: race on static field dev.racecheck.it.edges.RaceYield.data
 */
public final class RaceYield {
    static int data;

    public static void main(String[] args) throws InterruptedException {
        Edges.warmUp();
        Thread writer = new Thread(() -> {
            data = 42; // racy access
        }, "writer");
        writer.start();
        long end = System.nanoTime() + 100_000_000L;
        while (System.nanoTime() < end) {
            Thread.yield();
        }
        System.out.println("RaceYield: " + data); // racy access
        writer.join();
    }
}
