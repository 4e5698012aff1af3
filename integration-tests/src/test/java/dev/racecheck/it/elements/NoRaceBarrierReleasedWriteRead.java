package dev.racecheck.it.elements;

import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;

/**
 * {@link RaceBarrierReleasedWriteRead} with a second barrier in each round between the write and the read.
 * Expected: no race
 */
public final class NoRaceBarrierReleasedWriteRead {
    static final int ROUNDS = 2_000;
    static volatile long seen;

    public static void main(String[] args) throws Exception {
        int[][] arrays = new int[ROUNDS][];
        CyclicBarrier barrier = new CyclicBarrier(2);
        Thread writer = new Thread(() -> {
            for (int r = 0; r < ROUNDS; r++) {
                arrays[r] = new int[300];
                await(barrier);
                arrays[r][150] = r + 1;
                if (r > 0) arrays[r - 1] = null;
                await(barrier);
            }
        }, "writer");
        Thread reader = new Thread(() -> {
            long sum = 0;
            for (int r = 0; r < ROUNDS; r++) {
                await(barrier);
                await(barrier);
                sum += arrays[r][150];
            }
            seen = sum;
        }, "reader");
        writer.start();
        reader.start();
        writer.join();
        reader.join();
        if (seen != (long) ROUNDS * (ROUNDS + 1) / 2) throw new AssertionError(seen);
        System.out.println("NoRaceBarrierReleasedWriteRead: " + seen);
    }

    static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (InterruptedException | BrokenBarrierException e) {
            throw new IllegalStateException(e);
        }
    }
}
