package dev.racecheck.it.elements;

import java.util.Arrays;
import java.util.concurrent.CountDownLatch;

/**
 * {@link RaceArraysFillLargeRange} with a latch the filler counts down after Arrays.fill and the reader awaits.
 * Expected: no race
 */
public final class NoRaceArraysFillLargeRange {
    static volatile int seen;

    public static void main(String[] args) throws Exception {
        int[] a = new int[100_000];
        CountDownLatch filled = new CountDownLatch(1);
        Thread filler = new Thread(() -> {
            Arrays.fill(a, 1);
            filled.countDown();
        }, "filler");
        Thread reader = new Thread(() -> {
            try {
                filled.await();
            } catch (InterruptedException e) {
                return;
            }
            seen = a[65_535];
        }, "reader");
        filler.start();
        reader.start();
        filler.join();
        reader.join();
        if (seen != 1) throw new AssertionError(seen);
        System.out.println("NoRaceArraysFillLargeRange: " + seen);
    }
}
