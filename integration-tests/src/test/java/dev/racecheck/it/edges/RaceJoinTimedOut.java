package dev.racecheck.it.edges;

/**
 * No edge: a timed join that times out (the thread still runs) orders nothing.
 * Expected: race on static field dev.racecheck.it.edges.RaceJoinTimedOut.data
 */
public final class RaceJoinTimedOut {
    static int data;

    public static void main(String[] args) throws InterruptedException {
        Edges.warmUp();
        Thread writer = new Thread(() -> {
            data = 42; // racy access
            Edges.sleep(600);
        }, "writer");
        writer.start();
        writer.join(100);
        Edges.check(writer.getState() != Thread.State.TERMINATED, "join(100) timed out while the writer sleeps");
        System.out.println("RaceJoinTimedOut: " + data); // racy access
        writer.join();
    }
}
