package dev.racecheck.it.arrays;

import java.util.Arrays;
import java.util.List;

/**
 * An Arrays.asList list writes through to its array: set(0, e) races with an unordered read of the array's element.
 * Expected: race on array element java.lang.String[0]
 */
public final class RaceArraysAsListSet {
    static volatile Object sink;

    public static void main(String[] args) throws Exception {
        String[] names = {"ada", "bob"};
        List<String> view = Arrays.asList(names);
        Thread reader = new Thread(() -> sink = names[0], "reader"); // racy access
        Thread setter = new Thread(() -> view.set(0, "eve"), "setter"); // racy access
        reader.start();
        setter.start();
        reader.join();
        setter.join();
        System.out.println("RaceArraysAsListSet: done");
    }
}
