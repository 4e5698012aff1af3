package dev.racecheck.it.elements;

import java.util.Arrays;
import java.util.concurrent.CountDownLatch;

/**
 * {@link RaceFillVsArraycopy} with a latch the filler counts down after Arrays.fill and the copier awaits before
 * System.arraycopy.
 * Expected: no race
 */
public final class NoRaceFillVsArraycopy {
    static volatile int[] sink;

    public static void main(String[] args) throws Exception {
        int[] a = new int[300];
        int[] b = new int[20];
        CountDownLatch filled = new CountDownLatch(1);
        Thread filler = new Thread(() -> {
            Arrays.fill(a, 0, 11, 1);
            filled.countDown();
        }, "filler");
        Thread copier = new Thread(() -> {
            try {
                filled.await();
            } catch (InterruptedException e) {
                return;
            }
            System.arraycopy(a, 10, b, 0, 20);
            sink = b;
        }, "copier");
        filler.start();
        copier.start();
        filler.join();
        copier.join();
        if (b[0] != 1) throw new AssertionError(b[0]);
        System.out.println("NoRaceFillVsArraycopy: " + b[0]);
    }
}
