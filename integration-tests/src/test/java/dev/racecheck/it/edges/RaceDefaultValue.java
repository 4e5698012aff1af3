package dev.racecheck.it.edges;

/**
 * Default initialization, edge removed: an explicit write of the default value is an ordinary write, which races
 * with another thread's read.
 * Expected: race on field dev.racecheck.it.edges.RaceDefaultValue$Box.value
 */
public final class RaceDefaultValue {
    static final class Box {
        int value;
    }

    public static void main(String[] args) throws InterruptedException {
        Edges.warmUp();
        Box box = new Box();
        Thread writer = new Thread(() -> {
            box.value = 0; // racy access
        }, "writer");
        writer.start();
        Edges.sleep(100);
        System.out.println("RaceDefaultValue: " + box.value); // racy access
        writer.join();
    }
}
