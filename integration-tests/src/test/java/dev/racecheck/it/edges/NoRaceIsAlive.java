package dev.racecheck.it.edges;

/**
 * Thread.isAlive() returning false (JLS 17.4.4): the thread's actions happen-before what follows.
 * Expected: no race
 */
public final class NoRaceIsAlive {
    static int data;

    public static void main(String[] args) {
        Edges.warmUp();
        Thread writer = new Thread(() -> data = 42, "writer");
        writer.start();
        while (writer.isAlive()) {
            Edges.sleep(1);
        }
        System.out.println("NoRaceIsAlive: " + data);
    }
}
