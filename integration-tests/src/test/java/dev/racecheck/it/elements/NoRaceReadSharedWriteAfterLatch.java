package dev.racecheck.it.elements;

import java.util.concurrent.CountDownLatch;

/**
 * {@link RaceReadSharedWriteAfterLatch} with both readers counting the latch down: the write is ordered after both
 * reads of the read-shared element.
 * Expected: no race
 */
public final class NoRaceReadSharedWriteAfterLatch {
    static volatile double seen1;
    static volatile double seen2;

    public static void main(String[] args) throws Exception {
        double[] a = new double[4096];
        a[4095] = 1.5;
        CountDownLatch bothRead = new CountDownLatch(2);
        Thread reader1 = new Thread(() -> {
            seen1 = a[4095];
            bothRead.countDown();
        }, "reader-1");
        Thread reader2 = new Thread(() -> {
            seen2 = a[4095];
            bothRead.countDown();
        }, "reader-2");
        Thread writer = new Thread(() -> {
            try {
                bothRead.await();
            } catch (InterruptedException e) {
                return;
            }
            a[4095] = 2.5;
        }, "writer");
        reader1.start();
        reader2.start();
        writer.start();
        reader1.join();
        reader2.join();
        writer.join();
        System.out.println("NoRaceReadSharedWriteAfterLatch: " + (seen1 + seen2 + a[4095]));
    }
}
