package dev.racecheck.it.edges;

/**
 * No edge: a write of one static volatile field and a read of another static volatile field of the same class do
 * not synchronize.
 * Expected: race on static field dev.racecheck.it.edges.RaceVolatileOtherStatic.data
 */
public final class RaceVolatileOtherStatic {
    static volatile boolean a;
    static volatile boolean b;
    static int data;

    public static void main(String[] args) throws InterruptedException {
        Edges.warmUp();
        Thread writer = new Thread(() -> {
            data = 42; // racy access
            a = true;
        }, "writer");
        writer.start();
        Edges.sleep(100);
        boolean other = b; // a different volatile: no edge from the write of a
        System.out.println("RaceVolatileOtherStatic: " + data + " " + other); // racy access
        writer.join();
    }
}
