package dev.racecheck.it.edges;

import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * No edge: each element of an AtomicIntegerArray is a variable of its own; a get(0) does not synchronize with a
 * set(1, v).
 * Expected: race on static field dev.racecheck.it.edges.RaceAtomicIntegerArrayOtherElement.data
 */
public final class RaceAtomicIntegerArrayOtherElement {
    static int data;

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        AtomicIntegerArray flags = new AtomicIntegerArray(8);
        Thread writer = Edges.thread("writer", () -> {
            data = 42; // racy access
            flags.set(1, 1);
        });
        writer.start();
        Edges.sleep(100);
        int other = flags.get(0); // another element: no edge from set(1, 1)
        System.out.println("RaceAtomicIntegerArrayOtherElement: " + data + " " + other); // racy access
        writer.join();
    }
}
