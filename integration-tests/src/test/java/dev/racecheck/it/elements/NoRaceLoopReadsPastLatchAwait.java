package dev.racecheck.it.elements;

import java.util.concurrent.CountDownLatch;

/**
 * A writer writes element 1800 of a long[2048], then counts a latch down; main sums the array in one loop that awaits
 * the latch on reaching element 1500. Its read of element 1800 comes after the await.
 * Expected: no race
 */
public final class NoRaceLoopReadsPastLatchAwait {
    public static void main(String[] args) throws Exception {
        long[] a = new long[2048];
        CountDownLatch written = new CountDownLatch(1);
        Thread writer = new Thread(() -> {
            a[1800] = 7;
            written.countDown();
        }, "writer");
        writer.start();
        long sum = 0;
        for (int k = 0; k < a.length; k++) {
            if (k == 1500) written.await();
            sum += a[k];
        }
        writer.join();
        if (sum != 7) throw new AssertionError(sum);
        System.out.println("NoRaceLoopReadsPastLatchAwait: " + sum);
    }
}
