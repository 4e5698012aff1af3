package dev.racecheck.it.arrays;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * An Arrays.asList list and its array used by two threads, one after the other (join), and then each thread on its
 * own elements: set, get, sort, iteration, a copy.
 * Expected: no race
 */
public final class NoRaceArraysAsListJoined {
    static volatile Object sink;

    public static void main(String[] args) throws Exception {
        String[] names = {"bob", "ada", "cy", "dan"};
        List<String> view = Arrays.asList(names);
        Thread writer = new Thread(() -> {
            view.set(0, "eve");
            Collections.sort(view);
            names[3] = "fay";
        }, "writer");
        writer.start();
        writer.join();
        for (String name : view) {
            sink = name;
        }
        sink = new ArrayList<>(view);
        Thread first = new Thread(() -> view.set(0, view.get(0) + "!"), "first");
        Thread last = new Thread(() -> names[3] = names[3] + "?", "last");
        first.start();
        last.start();
        first.join();
        last.join();
        System.out.println("NoRaceArraysAsListJoined: " + view);
    }
}
