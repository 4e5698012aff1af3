package dev.racecheck.it.edges;

/**
 * Thread.start, edge broken: the parent writes after start().
 * Expected: race on static field dev.racecheck.it.edges.RaceThreadStart.data
 */
public final class RaceThreadStart {
    static int data;

    public static void main(String[] args) throws InterruptedException {
        Edges.warmUp();
        Thread reader = new Thread(() -> {
            Edges.sleep(100);
            System.out.println("RaceThreadStart: " + data); // racy access
        }, "reader");
        reader.start();
        data = 42; // racy access
        reader.join();
    }
}
