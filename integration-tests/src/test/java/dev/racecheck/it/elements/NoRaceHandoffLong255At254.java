package dev.racecheck.it.elements;

import java.util.concurrent.CountDownLatch;

/**
 * {@link RaceHandoffLong255At254} with a latch: main counts it down after its write and read-back, the reader awaits
 * it before reading.
 * Expected: no race
 */
public final class NoRaceHandoffLong255At254 {
    static volatile long seen;

    public static void main(String[] args) throws Exception {
        long[] a = new long[255];
        CountDownLatch written = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try {
                written.await();
            } catch (InterruptedException e) {
                return;
            }
            seen = a[254];
        }, "reader");
        reader.start();
        a[254] = 42;
        long back = a[254];
        written.countDown();
        reader.join();
        if (seen != 42) throw new AssertionError(seen);
        System.out.println("NoRaceHandoffLong255At254: " + back + " " + seen);
    }
}
