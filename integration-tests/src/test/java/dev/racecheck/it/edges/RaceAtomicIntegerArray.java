package dev.racecheck.it.edges;

import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * AtomicIntegerArray, edge broken: the writer writes after set(3, 1).
 * Expected: race on static field dev.racecheck.it.edges.RaceAtomicIntegerArray.data
 */
public final class RaceAtomicIntegerArray {
    static int data;

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        AtomicIntegerArray flags = new AtomicIntegerArray(8);
        Thread writer = Edges.thread("writer", () -> {
            flags.set(3, 1);
            data = 42; // racy access
        });
        writer.start();
        while (flags.get(3) == 0) {
            Edges.sleep(1);
        }
        Edges.sleep(100);
        System.out.println("RaceAtomicIntegerArray: " + data); // racy access
        writer.join();
    }
}
