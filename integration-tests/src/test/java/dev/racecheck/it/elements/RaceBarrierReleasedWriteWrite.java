package dev.racecheck.it.elements;

import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;

/**
 * 2,000 rounds, each on a fresh long[8]: a barrier releases two threads together, then both write element 3 of the
 * round's array, with nothing ordering the two writes before the next round's barrier.
 * Expected: race on array element long[3]
 */
public final class RaceBarrierReleasedWriteWrite {
    static final int ROUNDS = 2_000;

    public static void main(String[] args) throws Exception {
        long[][] arrays = new long[ROUNDS][];
        CyclicBarrier barrier = new CyclicBarrier(2);
        Thread first = new Thread(() -> {
            for (int r = 0; r < ROUNDS; r++) {
                arrays[r] = new long[8];
                await(barrier);
                arrays[r][3] = 1; // racy access
            }
        }, "first");
        Thread second = new Thread(() -> {
            for (int r = 0; r < ROUNDS; r++) {
                await(barrier);
                arrays[r][3] = 2; // racy access
            }
        }, "second");
        first.start();
        second.start();
        first.join();
        second.join();
        long sum = 0;
        for (long[] a : arrays) sum += a[3];
        System.out.println("RaceBarrierReleasedWriteWrite: " + sum);
    }

    static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (InterruptedException | BrokenBarrierException e) {
            throw new IllegalStateException(e);
        }
    }
}
