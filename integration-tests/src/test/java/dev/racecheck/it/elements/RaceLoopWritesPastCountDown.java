package dev.racecheck.it.elements;

import java.util.concurrent.CountDownLatch;

/**
 * Main writes every element of a long[2048] in one loop that counts a latch down when it reaches element 1500; a
 * reader awaits the latch and reads element 1800, which the loop writes after the count-down.
 * Expected: race on array element long[1800]
 */
public final class RaceLoopWritesPastCountDown {
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
            seen = a[1800]; // racy access
        }, "reader");
        reader.start();
        for (int k = 0; k < a.length; k++) {
            if (k == 1500) reached.countDown();
            a[k] = k + 1; // racy access
        }
        reader.join();
        System.out.println("RaceLoopWritesPastCountDown: " + seen);
    }
}
