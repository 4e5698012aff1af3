package dev.racecheck.it.edges;

/**
 * No edge: Thread.sleep orders accesses in time, not by happens-before (JLS 17.3).
 * Expected: race on static field dev.racecheck.it.edges.RaceSleep.data
 */
public final class RaceSleep {
    static int data;

    public static void main(String[] args) throws InterruptedException {
        Edges.warmUp();
        Thread writer = new Thread(() -> {
            data = 42; // racy access
        }, "writer");
        writer.start();
        Thread.sleep(100);
        System.out.println("RaceSleep: " + data); // racy access
        writer.join();
    }
}
