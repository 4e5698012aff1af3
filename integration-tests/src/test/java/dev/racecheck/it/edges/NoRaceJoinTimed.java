package dev.racecheck.it.edges;

/**
 * A timed join that returns because the thread ended is a join: the thread's actions happen-before what follows.
 * Expected: no race
 */
public final class NoRaceJoinTimed {
    static int data;

    public static void main(String[] args) throws InterruptedException {
        Edges.warmUp();
        Thread writer = new Thread(() -> data = 42, "writer");
        writer.start();
        writer.join(30_000);
        Edges.check(writer.getState() == Thread.State.TERMINATED, "the writer ended within 30 s");
        System.out.println("NoRaceJoinTimed: " + data);
    }
}
