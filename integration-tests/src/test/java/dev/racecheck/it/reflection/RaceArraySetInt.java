package dev.racecheck.it.reflection;

import java.lang.reflect.Array;

/**
 * java.lang.reflect.Array.setInt writes one element: it races with an unordered plain read of that element.
 * Expected: race on array element int[0]
 */
public final class RaceArraySetInt {
    static volatile int sink;

    public static void main(String[] args) throws Exception {
        int[] counts = new int[2];
        Thread setter = new Thread(() -> Array.setInt(counts, 0, 5), "setter"); // racy access
        Thread reader = new Thread(() -> sink = counts[0], "reader"); // racy access
        setter.start();
        reader.start();
        setter.join();
        reader.join();
        System.out.println("RaceArraySetInt: done");
    }
}
