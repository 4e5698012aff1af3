package dev.racecheck.it.edges;

import java.util.concurrent.atomic.AtomicReference;

/**
 * AtomicReference, edge broken: the producer writes the box after set.
 * Expected: race on field dev.racecheck.it.edges.RaceAtomicReference$Box.value
 */
public final class RaceAtomicReference {
    static final class Box {
        int value;
    }

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        AtomicReference<Box> ref = new AtomicReference<>();
        Thread producer = Edges.thread("producer", () -> {
            Box box = new Box();
            ref.set(box);
            box.value = 42; // racy access
        });
        producer.start();
        Box box;
        while ((box = ref.get()) == null) {
            Edges.sleep(1);
        }
        Edges.sleep(100);
        System.out.println("RaceAtomicReference: " + box.value); // racy access
        producer.join();
    }
}
