package dev.racecheck.it.arrays;

import java.util.Arrays;

/**
 * Arrays.sort reads and writes its range: it races with an unordered read.
 * Expected: race on array element java.lang.String[0]
 */
public final class RaceArraysSort {
    static volatile Object sink;

    public static void main(String[] args) throws Exception {
        String[] names = {"b", "a"};
        Thread reader = new Thread(() -> sink = names[0], "reader"); // racy access
        Thread sorter = new Thread(() -> Arrays.sort(names), "sorter"); // racy access
        reader.start();
        sorter.start();
        reader.join();
        sorter.join();
        System.out.println("RaceArraysSort: done");
    }
}
