package dev.racecheck.it.arrays;

import java.util.Arrays;
import java.util.List;

/**
 * A for-each over an Arrays.asList list reads its array's elements: it races with an unordered write of one.
 * Expected: race on array element java.lang.String[1]
 */
public final class RaceArraysAsListIterate {
    static volatile Object sink;

    public static void main(String[] args) throws Exception {
        String[] names = {"ada", "bob"};
        List<String> view = Arrays.asList(names);
        Thread writer = new Thread(() -> names[1] = "eve", "writer"); // racy access
        Thread reader = new Thread(() -> {
            for (String name : view) { // racy access
                sink = name;
            }
        }, "reader");
        writer.start();
        reader.start();
        writer.join();
        reader.join();
        System.out.println("RaceArraysAsListIterate: done");
    }
}
