package dev.racecheck.it.edges;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * No edge: each element of an AtomicReferenceArray is a variable of its own; a get(1) does not synchronize with a
 * compareAndSet(2, null, x).
 * Expected: race on static field dev.racecheck.it.edges.RaceAtomicReferenceArrayOtherElement.data
 */
public final class RaceAtomicReferenceArrayOtherElement {
    static int data;

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        AtomicReferenceArray<String> slots = new AtomicReferenceArray<>(4);
        Thread producer = Edges.thread("producer", () -> {
            data = 42; // racy access
            slots.compareAndSet(2, null, "ready");
        });
        producer.start();
        Edges.sleep(100);
        String other = slots.get(1); // another element: no edge from compareAndSet(2, ...)
        System.out.println("RaceAtomicReferenceArrayOtherElement: " + data + " " + other); // racy access
        producer.join();
    }
}
