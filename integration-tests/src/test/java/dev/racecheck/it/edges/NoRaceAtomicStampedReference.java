package dev.racecheck.it.edges;

import java.util.concurrent.atomic.AtomicStampedReference;

/**
 * AtomicStampedReference: actions before set or a successful compareAndSet happen-before actions after a
 * getReference()/get(stampHolder) that returns the new reference.
 * Expected: no race
 */
public final class NoRaceAtomicStampedReference {
    static final class Box {
        int value;
    }

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        AtomicStampedReference<Box> ref = new AtomicStampedReference<>(null, 0);
        Thread producer = Edges.thread("producer", () -> {
            Box first = new Box();
            first.value = 1;
            ref.set(first, 1);
            Box second = new Box();
            second.value = 2;
            Edges.check(ref.compareAndSet(first, second, 1, 2), "nobody else changes the reference");
        });
        producer.start();
        int[] stamp = new int[1];
        Box box;
        while ((box = ref.get(stamp)) == null || stamp[0] != 2) {
            Edges.sleep(1);
        }
        System.out.println("NoRaceAtomicStampedReference: " + box.value);
        while ((box = ref.getReference()) == null) {
            Edges.sleep(1);
        }
        System.out.println("NoRaceAtomicStampedReference: " + box.value);
        producer.join();
    }
}
