package dev.racecheck.it.elements;

import java.util.concurrent.CountDownLatch;

/**
 * Two readers read element 4095 of a double[4096] with nothing ordering them, so the element is read-shared; a third
 * thread writes it after awaiting a latch that only the first reader counts down. The write is ordered after the
 * first reader's read, not after the second's.
 * Expected: race on array element double[4095]
 */
public final class RaceReadSharedWriteAfterLatch {
    static volatile double seen1;
    static volatile double seen2;

    public static void main(String[] args) throws Exception {
        double[] a = new double[4096];
        a[4095] = 1.5;
        CountDownLatch firstRead = new CountDownLatch(1);
        Thread reader1 = new Thread(() -> {
            seen1 = a[4095];
            firstRead.countDown();
        }, "reader-1");
        Thread reader2 = new Thread(() -> seen2 = a[4095], "reader-2"); // racy access
        Thread writer = new Thread(() -> {
            try {
                firstRead.await();
            } catch (InterruptedException e) {
                return;
            }
            Waits.awaitEnd(reader2); // in time only: the second read is still unordered with the write
            a[4095] = 2.5; // racy access
        }, "writer");
        reader1.start();
        reader2.start();
        writer.start();
        reader1.join();
        reader2.join();
        writer.join();
        System.out.println("RaceReadSharedWriteAfterLatch: " + (seen1 + seen2 + a[4095]));
    }
}
