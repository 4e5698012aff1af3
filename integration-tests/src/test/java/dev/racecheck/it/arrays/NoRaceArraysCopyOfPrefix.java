package dev.racecheck.it.arrays;

import java.util.Arrays;

/**
 * The pair of RaceArraysCopyOf: Arrays.copyOf(a, 2) reads only the first two elements, so a write
 * of the last one in another thread does not race with it.
 * Expected: no race
 */
public final class NoRaceArraysCopyOfPrefix {
    static volatile Object sink;

    public static void main(String[] args) throws Exception {
        int[] values = new int[4];
        Thread writer = new Thread(() -> values[3] = 9, "writer");
        Thread copier = new Thread(() -> sink = Arrays.copyOf(values, 2), "copier");
        writer.start();
        copier.start();
        writer.join();
        copier.join();
        System.out.println("NoRaceArraysCopyOfPrefix: done");
    }
}
