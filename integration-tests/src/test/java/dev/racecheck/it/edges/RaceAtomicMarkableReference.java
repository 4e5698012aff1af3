package dev.racecheck.it.edges;

import java.util.concurrent.atomic.AtomicMarkableReference;

/**
 * AtomicMarkableReference, edge broken: the producer writes the box after set published it.
 * Expected: race on field dev.racecheck.it.edges.RaceAtomicMarkableReference$Box.value
 */
public final class RaceAtomicMarkableReference {
    static final class Box {
        int value;
    }

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        AtomicMarkableReference<Box> ref = new AtomicMarkableReference<>(null, false);
        Thread producer = Edges.thread("producer", () -> {
            Box box = new Box();
            ref.set(box, true);
            box.value = 42; // racy access
        });
        producer.start();
        Box box;
        while ((box = ref.getReference()) == null) {
            Edges.sleep(1);
        }
        Edges.sleep(100);
        System.out.println("RaceAtomicMarkableReference: " + box.value); // racy access
        producer.join();
    }
}
