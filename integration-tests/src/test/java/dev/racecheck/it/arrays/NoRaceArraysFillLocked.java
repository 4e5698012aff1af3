package dev.racecheck.it.arrays;

import java.util.Arrays;

/**
 * The pair of RaceArraysFill: both threads hold the array's monitor.
 * Expected: no race
 */
public final class NoRaceArraysFillLocked {
    static volatile Object sink;

    public static void main(String[] args) throws Exception {
        int[] counts = new int[5];
        Thread counter = new Thread(() -> {
            synchronized (counts) {
                counts[3]++;
            }
        }, "counter");
        Thread resetter = new Thread(() -> {
            synchronized (counts) {
                Arrays.fill(counts, 0);
            }
        }, "resetter");
        counter.start();
        resetter.start();
        counter.join();
        resetter.join();
        System.out.println("NoRaceArraysFillLocked: done");
    }
}
