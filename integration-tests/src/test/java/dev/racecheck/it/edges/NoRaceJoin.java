package dev.racecheck.it.edges;

/**
 * Thread.join (JLS 17.4.5): every action of a thread happens-before another thread's successful return from join().
 * Expected: no race
 */
public final class NoRaceJoin {
    static int data;

    public static void main(String[] args) throws InterruptedException {
        Edges.warmUp();
        Thread writer = new Thread(() -> data = 42, "writer");
        writer.start();
        writer.join();
        System.out.println("NoRaceJoin: " + data);
    }
}
