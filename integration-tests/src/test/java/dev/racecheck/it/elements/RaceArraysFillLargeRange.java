package dev.racecheck.it.elements;

import java.util.Arrays;

/**
 * One thread fills an int[100_000] with Arrays.fill, another reads element 65,535 (the last of the 65,536 elements a
 * call's range records) once the first has ended (in time only): nothing orders the fill before the read.
 * Expected: race on array element int[65535]
 */
public final class RaceArraysFillLargeRange {
    static volatile int seen;

    public static void main(String[] args) throws Exception {
        int[] a = new int[100_000];
        Thread filler = new Thread(() -> Arrays.fill(a, 1), "filler"); // racy access
        Thread reader = new Thread(() -> {
            Waits.awaitEnd(filler);
            seen = a[65_535]; // racy access
        }, "reader");
        filler.start();
        reader.start();
        filler.join();
        reader.join();
        System.out.println("RaceArraysFillLargeRange: " + seen);
    }
}
