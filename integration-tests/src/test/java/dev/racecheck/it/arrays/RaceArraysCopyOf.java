package dev.racecheck.it.arrays;

import java.util.Arrays;

/**
 * Arrays.copyOf(a, n) reads the first n elements.
 * Expected: race on array element int[1]
 */
public final class RaceArraysCopyOf {
    static volatile Object sink;

    public static void main(String[] args) throws Exception {
        int[] values = new int[4];
        Thread writer = new Thread(() -> values[1] = 9, "writer"); // racy access
        Thread copier = new Thread(() -> sink = Arrays.copyOf(values, 2), "copier"); // racy access
        writer.start();
        copier.start();
        writer.join();
        copier.join();
        System.out.println("RaceArraysCopyOf: done");
    }
}
