package dev.racecheck.it.elements;

import java.util.Arrays;
import java.util.concurrent.CountDownLatch;

/**
 * {@link RaceArraysFillWhileReading} with a latch the filler counts down after Arrays.fill and the reader awaits.
 * Expected: no race
 */
public final class NoRaceArraysFillWhileReading {
    static volatile char seen;

    public static void main(String[] args) throws Exception {
        char[] a = new char[2000];
        CountDownLatch filled = new CountDownLatch(1);
        Thread filler = new Thread(() -> {
            Arrays.fill(a, 'x');
            filled.countDown();
        }, "filler");
        Thread reader = new Thread(() -> {
            try {
                filled.await();
            } catch (InterruptedException e) {
                return;
            }
            seen = a[5];
        }, "reader");
        filler.start();
        reader.start();
        filler.join();
        reader.join();
        if (seen != 'x') throw new AssertionError(seen);
        System.out.println("NoRaceArraysFillWhileReading: " + seen);
    }
}
