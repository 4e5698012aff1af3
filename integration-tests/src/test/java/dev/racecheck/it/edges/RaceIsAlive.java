package dev.racecheck.it.edges;

/**
 * Thread.isAlive(), edge removed: isAlive() returning true orders nothing.
 * Expected: race on static field dev.racecheck.it.edges.RaceIsAlive.data
 */
public final class RaceIsAlive {
    static int data;

    public static void main(String[] args) throws InterruptedException {
        Edges.warmUp();
        Thread writer = new Thread(() -> {
            data = 42; // racy access
            Edges.sleep(600);
        }, "writer");
        writer.start();
        Edges.sleep(100);
        Edges.check(writer.isAlive(), "the writer is still sleeping");
        System.out.println("RaceIsAlive: " + data); // racy access
        writer.join();
    }
}
