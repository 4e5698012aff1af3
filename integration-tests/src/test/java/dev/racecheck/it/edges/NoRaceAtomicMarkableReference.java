package dev.racecheck.it.edges;

import java.util.concurrent.atomic.AtomicMarkableReference;

/**
 * AtomicMarkableReference: actions before set or a successful compareAndSet happen-before actions after a
 * getReference()/isMarked()/get(markHolder) that reads the new value.
 * Expected: no race
 */
public final class NoRaceAtomicMarkableReference {
    static final class Box {
        int value;
    }

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        Box first = new Box();
        AtomicMarkableReference<Box> ref = new AtomicMarkableReference<>(first, false);
        Thread producer = Edges.thread("producer", () -> {
            first.value = 1;
            ref.set(first, true);
            Box second = new Box();
            second.value = 2;
            Edges.check(ref.compareAndSet(first, second, true, false), "nobody else changes the reference");
        });
        producer.start();
        while (!ref.isMarked() && ref.getReference() == first) {
            Edges.sleep(1);
        }
        System.out.println("NoRaceAtomicMarkableReference: " + first.value);
        boolean[] mark = new boolean[1];
        Box box;
        while ((box = ref.get(mark)) == first) {
            Edges.sleep(1);
        }
        System.out.println("NoRaceAtomicMarkableReference: " + box.value);
        producer.join();
    }
}
