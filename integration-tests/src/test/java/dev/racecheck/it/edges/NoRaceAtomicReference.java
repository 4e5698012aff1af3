package dev.racecheck.it.edges;

import java.util.concurrent.atomic.AtomicReference;

/**
 * AtomicReference: actions before set(x) happen-before actions after a get() that returns x.
 * Expected: no race
 */
public final class NoRaceAtomicReference {
    static final class Box {
        int value;
    }

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        AtomicReference<Box> ref = new AtomicReference<>();
        Thread producer = Edges.thread("producer", () -> {
            Box box = new Box();
            box.value = 42;
            ref.set(box);
        });
        producer.start();
        Box box;
        while ((box = ref.get()) == null) {
            Edges.sleep(1);
        }
        System.out.println("NoRaceAtomicReference: " + box.value);
        producer.join();
    }
}
