package dev.racecheck.it.edges;

import java.util.concurrent.atomic.AtomicStampedReference;

/**
 * AtomicStampedReference, edge broken: the producer writes the box after compareAndSet published it.
 * Expected: race on field dev.racecheck.it.edges.RaceAtomicStampedReference$Box.value
 */
public final class RaceAtomicStampedReference {
    static final class Box {
        int value;
    }

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        AtomicStampedReference<Box> ref = new AtomicStampedReference<>(null, 0);
        Thread producer = Edges.thread("producer", () -> {
            Box box = new Box();
            Edges.check(ref.compareAndSet(null, box, 0, 1), "nobody else changes the reference");
            box.value = 42; // racy access
        });
        producer.start();
        Box box;
        while ((box = ref.getReference()) == null) {
            Edges.sleep(1);
        }
        Edges.sleep(100);
        System.out.println("RaceAtomicStampedReference: " + box.value); // racy access
        producer.join();
    }
}
