package dev.racecheck.it.elements;

import java.util.concurrent.CountDownLatch;

/**
 * {@link RaceLoopWritesPastCountDown} with the reader reading element 1200, which the loop writes before the
 * count-down at element 1500.
 * Expected: no race
 */
public final class NoRaceLoopWritesPastCountDown {
    static volatile long seen;

    public static void main(String[] args) throws Exception {
        long[] a = new long[2048];
        CountDownLatch reached = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try {
                reached.await();
            } catch (InterruptedException e) {
                return;
            }
            seen = a[1200];
        }, "reader");
        reader.start();
        for (int k = 0; k < a.length; k++) {
            if (k == 1500) reached.countDown();
            a[k] = k + 1;
        }
        reader.join();
        if (seen != 1201) throw new AssertionError(seen);
        System.out.println("NoRaceLoopWritesPastCountDown: " + seen);
    }
}
