package dev.racecheck.it.edges;

import java.util.Vector;

/**
 * Vector, edge broken: the producer writes the box after add.
 * Expected: race on field dev.racecheck.it.edges.RaceVector$Box.value
 */
public final class RaceVector {
    static final class Box {
        int value;
    }

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        Vector<Box> vector = new Vector<>();
        Thread producer = Edges.thread("producer", () -> {
            Box box = new Box();
            vector.add(box);
            box.value = 42; // racy access
        });
        producer.start();
        while (vector.isEmpty()) {
            Edges.sleep(1);
        }
        Box box = vector.get(0);
        Edges.sleep(100);
        System.out.println("RaceVector: " + box.value); // racy access
        producer.join();
    }
}
