package dev.racecheck.it.edges;

/**
 * No edge: Thread.onSpinWait is a hint to the processor, not a synchronization action.
 * Expected: race on static field dev.racecheck.it.edges.RaceOnSpinWait.data
 */
public final class RaceOnSpinWait {
    static int data;

    public static void main(String[] args) throws InterruptedException {
        Edges.warmUp();
        Thread writer = new Thread(() -> {
            data = 42; // racy access
        }, "writer");
        writer.start();
        long end = System.nanoTime() + 100_000_000L;
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
        System.out.println("RaceOnSpinWait: " + data); // racy access
        writer.join();
    }
}
