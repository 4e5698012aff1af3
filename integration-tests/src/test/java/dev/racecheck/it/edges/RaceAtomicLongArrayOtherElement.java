package dev.racecheck.it.edges;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * No edge: each element of an AtomicLongArray is a variable of its own; a get(7) does not synchronize with a
 * getAndIncrement(6).
 * Expected: race on static field dev.racecheck.it.edges.RaceAtomicLongArrayOtherElement.data
 */
public final class RaceAtomicLongArrayOtherElement {
    static int data;

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        AtomicLongArray counts = new AtomicLongArray(8);
        Thread writer = Edges.thread("writer", () -> {
            data = 42; // racy access
            counts.getAndIncrement(6);
        });
        writer.start();
        Edges.sleep(100);
        long other = counts.get(7); // another element: no edge from getAndIncrement(6)
        System.out.println("RaceAtomicLongArrayOtherElement: " + data + " " + other); // racy access
        writer.join();
    }
}
