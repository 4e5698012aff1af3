package dev.racecheck.it.elements;

import java.util.concurrent.CountDownLatch;

/**
 * {@link NoRaceLoopReadsPastLatchAwait} with the writer writing element 1200, which main's loop reads before the
 * await at element 1500: that read is unordered with the write.
 * Expected: race on array element long[1200]
 */
public final class RaceLoopReadsPastLatchAwait {
    public static void main(String[] args) throws Exception {
        long[] a = new long[2048];
        CountDownLatch written = new CountDownLatch(1);
        Thread writer = new Thread(() -> {
            a[1200] = 7; // racy access
            written.countDown();
        }, "writer");
        writer.start();
        long sum = 0;
        for (int k = 0; k < a.length; k++) {
            if (k == 1500) written.await();
            sum += a[k]; // racy access
        }
        writer.join();
        System.out.println("RaceLoopReadsPastLatchAwait: " + sum);
    }
}
