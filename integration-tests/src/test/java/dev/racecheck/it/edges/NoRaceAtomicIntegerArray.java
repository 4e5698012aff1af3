package dev.racecheck.it.edges;

import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * AtomicIntegerArray: actions before set(i, v) happen-before actions after a get(i) that reads v.
 * Expected: no race
 */
public final class NoRaceAtomicIntegerArray {
    static int data;

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        AtomicIntegerArray flags = new AtomicIntegerArray(8);
        Thread writer = Edges.thread("writer", () -> {
            data = 42;
            flags.set(3, 1);
        });
        writer.start();
        while (flags.get(3) == 0) {
            Edges.sleep(1);
        }
        System.out.println("NoRaceAtomicIntegerArray: " + data);
        writer.join();
    }
}
