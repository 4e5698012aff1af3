package dev.racecheck.it.elements;

import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;

/**
 * 2,000 rounds of a barrier whose action makes a fresh int[300] and writes its element 0; after each await, each of
 * the two parties reads the array and element 0 and writes an element of its own. The barrier action happens-before
 * the parties' returns from await, and each party's actions before await happen-before the next action (the
 * CyclicBarrier's documented memory consistency effects).
 * Expected: no race
 */
public final class NoRaceBarrierActionFreshArray {
    static final int ROUNDS = 2_000;
    static int[] current; // written by the barrier action only
    static int round; // the barrier action's
    static volatile long seen;

    public static void main(String[] args) throws Exception {
        CyclicBarrier barrier = new CyclicBarrier(2, () -> {
            current = new int[300];
            current[0] = ++round;
        });
        Thread[] parties = new Thread[2];
        for (int p = 0; p < 2; p++) {
            int own = 1 + p;
            parties[p] = new Thread(() -> {
                long sum = 0;
                for (int r = 0; r < ROUNDS; r++) {
                    await(barrier);
                    int[] c = current;
                    c[own] = c[0];
                    sum += c[own];
                }
                if (own == 1) seen = sum;
            }, "party-" + p);
        }
        for (Thread t : parties) t.start();
        for (Thread t : parties) t.join();
        if (seen != (long) ROUNDS * (ROUNDS + 1) / 2) throw new AssertionError(seen);
        System.out.println("NoRaceBarrierActionFreshArray: " + seen);
    }

    static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (InterruptedException | BrokenBarrierException e) {
            throw new IllegalStateException(e);
        }
    }
}
