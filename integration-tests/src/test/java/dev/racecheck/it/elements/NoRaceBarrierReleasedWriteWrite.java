package dev.racecheck.it.elements;

import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;

/**
 * {@link RaceBarrierReleasedWriteWrite} with a second barrier in each round between the two writes.
 * Expected: no race
 */
public final class NoRaceBarrierReleasedWriteWrite {
    static final int ROUNDS = 2_000;

    public static void main(String[] args) throws Exception {
        long[][] arrays = new long[ROUNDS][];
        CyclicBarrier barrier = new CyclicBarrier(2);
        Thread first = new Thread(() -> {
            for (int r = 0; r < ROUNDS; r++) {
                arrays[r] = new long[8];
                await(barrier);
                arrays[r][3] = 1;
                await(barrier);
            }
        }, "first");
        Thread second = new Thread(() -> {
            for (int r = 0; r < ROUNDS; r++) {
                await(barrier);
                await(barrier);
                arrays[r][3] = 2;
            }
        }, "second");
        first.start();
        second.start();
        first.join();
        second.join();
        long sum = 0;
        for (long[] a : arrays) sum += a[3];
        if (sum != 2L * ROUNDS) throw new AssertionError(sum);
        System.out.println("NoRaceBarrierReleasedWriteWrite: " + sum);
    }

    static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (InterruptedException | BrokenBarrierException e) {
            throw new IllegalStateException(e);
        }
    }
}
