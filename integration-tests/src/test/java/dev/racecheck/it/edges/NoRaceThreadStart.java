package dev.racecheck.it.edges;

/**
 * Thread.start (JLS 17.4.5): a call to start() happens-before every action of the started thread.
 * Expected: no race
 */
public final class NoRaceThreadStart {
    static int data;

    public static void main(String[] args) throws InterruptedException {
        Edges.warmUp();
        Thread reader = new Thread(() -> System.out.println("NoRaceThreadStart: " + data), "reader");
        data = 42;
        reader.start();
        reader.join();
    }
}
