package dev.racecheck.it.arrays;

import java.util.Arrays;

/**
 * Arrays.fill writes every element of its range: resetting counters that another thread increments
 * races.
 * Expected: race on array element int[3]
 */
public final class RaceArraysFill {
    static volatile Object sink;

    public static void main(String[] args) throws Exception {
        int[] counts = new int[5];
        Thread counter = new Thread(() -> counts[3]++, "counter"); // racy access
        Thread resetter = new Thread(() -> Arrays.fill(counts, 0), "resetter"); // racy access
        counter.start();
        resetter.start();
        counter.join();
        resetter.join();
        System.out.println("RaceArraysFill: done");
    }
}
