package dev.racecheck.it.edges;

/**
 * Thread.isAlive(), edge removed: isAlive() returning true orders nothing.
 * Expected: race on static field dev.racecheck.it.edges.RaceIsAlive.data
 */
public final class RaceIsAlive {
    static int data;

    public static void main(String[] args) throws InterruptedException {
        Edges.warmUp();
        Edges.Signal read = new Edges.Signal();
        Thread writer = new Thread(() -> {
            data = 42; // racy access
            read.await("main read the data"); // alive until then, however slow main is
        }, "writer");
        writer.start();
        Edges.sleep(100);
        Edges.check(writer.isAlive(), "the writer is still alive");
        System.out.println("RaceIsAlive: " + data); // racy access
        read.raise();
        writer.join();
    }
}
