package dev.racecheck.it.edges;

/**
 * Thread.join, edge removed: the data is read before join().
 * Expected: race on static field dev.racecheck.it.edges.RaceJoin.data
 */
public final class RaceJoin {
    static int data;

    public static void main(String[] args) throws InterruptedException {
        Edges.warmUp();
        Thread writer = new Thread(() -> {
            data = 42; // racy access
        }, "writer");
        writer.start();
        Edges.sleep(100);
        System.out.println("RaceJoin: " + data); // racy access
        writer.join();
    }
}
