package dev.racecheck.it.elements;

import java.util.Arrays;

/**
 * One thread fills a char[2000] with Arrays.fill (a write of every element, at the call), another reads element 5
 * once the first has ended (in time only): nothing orders the fill before the read.
 * Expected: race on array element char[5]
 */
public final class RaceArraysFillWhileReading {
    static volatile char seen;

    public static void main(String[] args) throws Exception {
        char[] a = new char[2000];
        Thread filler = new Thread(() -> Arrays.fill(a, 'x'), "filler"); // racy access
        Thread reader = new Thread(() -> {
            Waits.awaitEnd(filler);
            seen = a[5]; // racy access
        }, "reader");
        filler.start();
        reader.start();
        filler.join();
        reader.join();
        System.out.println("RaceArraysFillWhileReading: " + seen);
    }
}
