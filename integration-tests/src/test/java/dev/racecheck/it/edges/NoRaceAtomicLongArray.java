package dev.racecheck.it.edges;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * AtomicLongArray: actions before getAndIncrement(i) happen-before actions after a get(i) that reads its result.
 * Expected: no race
 */
public final class NoRaceAtomicLongArray {
    static int data;

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        AtomicLongArray counts = new AtomicLongArray(8);
        Thread writer = Edges.thread("writer", () -> {
            data = 42;
            counts.getAndIncrement(6);
        });
        writer.start();
        while (counts.get(6) == 0) {
            Edges.sleep(1);
        }
        System.out.println("NoRaceAtomicLongArray: " + data);
        writer.join();
    }
}
