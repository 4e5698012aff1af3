package dev.racecheck.it.edges;

/**
 * No edge: a timed join that times out (the thread still runs) orders nothing.
 * Expected: race on static field dev.racecheck.it.edges.RaceJoinTimedOut.data
 */
public final class RaceJoinTimedOut {
    static int data;

    public static void main(String[] args) throws InterruptedException {
        Edges.warmUp();
        Edges.Signal read = new Edges.Signal();
        Thread writer = new Thread(() -> {
            data = 42; // racy access
            read.await("main read the data"); // alive until then, however slow main is
        }, "writer");
        writer.start();
        writer.join(100);
        Edges.check(writer.getState() != Thread.State.TERMINATED, "join(100) timed out while the writer runs");
        System.out.println("RaceJoinTimedOut: " + data); // racy access
        read.raise();
        writer.join();
    }
}
