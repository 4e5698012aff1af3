package dev.racecheck.it.edges;

import java.util.Vector;

/**
 * Vector: its methods are synchronized, so add(x) happens-before a later get() that returns x.
 * Expected: no race
 */
public final class NoRaceVector {
    static final class Box {
        int value;
    }

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        Vector<Box> vector = new Vector<>();
        Thread producer = Edges.thread("producer", () -> {
            Box box = new Box();
            box.value = 42;
            vector.add(box);
        });
        producer.start();
        while (vector.isEmpty()) {
            Edges.sleep(1);
        }
        Box box = vector.get(0);
        System.out.println("NoRaceVector: " + box.value);
        producer.join();
    }
}
