package dev.racecheck.it.arrays;

import java.util.Arrays;

/**
 * The pair of RaceArraysSort: the reader starts after the sorter has been joined.
 * Expected: no race
 */
public final class NoRaceArraysSortJoined {
    static volatile Object sink;

    public static void main(String[] args) throws Exception {
        String[] names = {"b", "a"};
        Thread sorter = new Thread(() -> Arrays.sort(names), "sorter");
        sorter.start();
        sorter.join();
        Thread reader = new Thread(() -> sink = names[0], "reader");
        reader.start();
        reader.join();
        System.out.println("NoRaceArraysSortJoined: done");
    }
}
