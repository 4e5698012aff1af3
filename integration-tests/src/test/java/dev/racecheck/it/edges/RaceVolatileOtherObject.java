package dev.racecheck.it.edges;

/**
 * No edge: the same volatile field of two different objects is two variables.
 * Expected: race on static field dev.racecheck.it.edges.RaceVolatileOtherObject.data
 */
public final class RaceVolatileOtherObject {
    static final class Flag {
        volatile boolean set;
    }

    static int data;

    public static void main(String[] args) throws InterruptedException {
        Edges.warmUp();
        Flag mine = new Flag();
        Flag other = new Flag();
        Thread writer = new Thread(() -> {
            data = 42; // racy access
            mine.set = true;
        }, "writer");
        writer.start();
        Edges.sleep(100);
        boolean seen = other.set; // another object's volatile: no edge from the write of mine.set
        System.out.println("RaceVolatileOtherObject: " + data + " " + seen); // racy access
        writer.join();
    }
}
