package dev.racecheck.it.elements;

import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;

/**
 * 2,000 rounds, each on a fresh int[300]: a barrier releases two threads together, then one writes element 150 of
 * the round's array and the other reads it, with nothing ordering the two before the next round's barrier. The
 * writer allocates each array before the round's barrier and drops the previous one after it.
 * Expected: race on array element int[150]
 */
public final class RaceBarrierReleasedWriteRead {
    static final int ROUNDS = 2_000;
    static volatile long seen;

    public static void main(String[] args) throws Exception {
        int[][] arrays = new int[ROUNDS][];
        CyclicBarrier barrier = new CyclicBarrier(2);
        Thread writer = new Thread(() -> {
            for (int r = 0; r < ROUNDS; r++) {
                arrays[r] = new int[300];
                await(barrier);
                arrays[r][150] = r + 1; // racy access
                if (r > 0) arrays[r - 1] = null;
            }
        }, "writer");
        Thread reader = new Thread(() -> {
            long sum = 0;
            for (int r = 0; r < ROUNDS; r++) {
                await(barrier);
                sum += arrays[r][150]; // racy access
            }
            seen = sum;
        }, "reader");
        writer.start();
        reader.start();
        writer.join();
        reader.join();
        System.out.println("RaceBarrierReleasedWriteRead: " + seen);
    }

    static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (InterruptedException | BrokenBarrierException e) {
            throw new IllegalStateException(e);
        }
    }
}
