package dev.racecheck.it.edges;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * AtomicReferenceArray: actions before compareAndSet(i, null, x) happen-before actions after a get(i) that returns
 * x.
 * Expected: no race
 */
public final class NoRaceAtomicReferenceArray {
    static final class Box {
        int value;
    }

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        AtomicReferenceArray<Box> slots = new AtomicReferenceArray<>(4);
        Thread producer = Edges.thread("producer", () -> {
            Box box = new Box();
            box.value = 42;
            slots.compareAndSet(2, null, box);
        });
        producer.start();
        Box box;
        while ((box = slots.get(2)) == null) {
            Edges.sleep(1);
        }
        System.out.println("NoRaceAtomicReferenceArray: " + box.value);
        producer.join();
    }
}
