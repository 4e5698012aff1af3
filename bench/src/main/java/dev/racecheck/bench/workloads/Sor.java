package dev.racecheck.bench.workloads;

import java.util.Arrays;
import java.util.concurrent.CyclicBarrier;

import dev.racecheck.bench.workloads.Harness.Check;

/**
 * Java Grande section 2 "SOR", threaded version: 100 iterations of successive over-relaxation (omega 1.25) on a
 * random {@code size} x {@code size} grid (boundary included, as in JGF; values uniform in [0, 1e-6)), red-black
 * ordered. Threads own bands of rows; each half-sweep (red cells, then black cells) ends at a {@link CyclicBarrier},
 * so the neighbour rows a thread reads from the next band were written before the barrier: 200 barrier phases.
 * Memory-bound: five array reads and one write per cell update. JGF's threaded SOR pairs the red cells of row i with
 * the black cells of row i-1 in one loop; this one sweeps the two colours over the band separately, which computes
 * the same values.
 *
 * <p>Check: red-black results do not depend on how rows are split among threads, so a corner block is recomputed
 * sequentially from a copy of its initial values and must match exactly. The block is {@code 2 * 100 + 2} cells
 * wider than the part compared: a half-sweep moves information by one cell, so the values held fixed at the block's
 * inner edge cannot reach it. {@code gtotal} (the sum of the interior, JGF's check value) is printed for the Go
 * port's equivalence test. {@code bench/go/sor} is the same program in Go.
 */
public final class Sor {
    /** JGF size C. */
    public static final int DEFAULT_SIZE = 2000;
    static final int ITERATIONS = 100;
    static final double OMEGA = 1.25;
    /** Cells per side of the corner checked exactly. */
    private static final int CHECKED = 16;

    private Sor() {
    }

    public static void main(String[] args) {
        Harness.main("sor", args, DEFAULT_SIZE, Sor::run);
    }

    public static Check run(int n, int threads) throws InterruptedException {
        SplitMix64 random = new SplitMix64(10101010L);
        double[][] g = new double[n][n];
        for (double[] row : g) {
            for (int j = 0; j < n; j++) row[j] = random.nextDouble() * 1e-6;
        }
        int block = Math.min(n, CHECKED + 2 * ITERATIONS + 2);
        double[][] corner = new double[block][];
        for (int i = 0; i < block; i++) corner[i] = Arrays.copyOf(g[i], block);

        CyclicBarrier barrier = new CyclicBarrier(threads);
        int interior = n - 2;
        Harness.parallel(threads, "sor", part -> {
            int lo = 1 + Harness.from(part, threads, interior);
            int hi = 1 + Harness.from(part + 1, threads, interior);
            for (int iteration = 0; iteration < ITERATIONS; iteration++) {
                for (int color = 0; color < 2; color++) {
                    relax(g, lo, hi, color);
                    barrier.await();
                }
            }
        });

        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            for (int color = 0; color < 2; color++) relax(corner, 1, block - 1, color);
        }
        // The whole grid when it fits in the block; else the cells out of reach of the block's fixed inner edge.
        int exact = block == n ? n : block - 1 - 2 * ITERATIONS;
        for (int i = 0; i < exact; i++) {
            for (int j = 0; j < exact; j++) {
                if (g[i][j] != corner[i][j]) {
                    return Check.of(false, "cell (" + i + ", " + j + ") = " + g[i][j] + ", sequentially " + corner[i][j]);
                }
            }
        }
        double total = 0;
        for (int i = 1; i < n - 1; i++) {
            for (int j = 1; j < n - 1; j++) total += g[i][j];
        }
        return Check.of(true, "iterations=" + ITERATIONS + " corner " + exact + "x" + exact + " exact gtotal=" + total);
    }

    /** Updates the interior cells (i, j) with i + j of parity {@code color} in rows [lo, hi) of {@code g}. */
    static void relax(double[][] g, int lo, int hi, int color) {
        double keep = 1 - OMEGA;
        double quarter = OMEGA * 0.25;
        int last = g[0].length - 1;
        for (int i = lo; i < hi; i++) {
            double[] up = g[i - 1];
            double[] row = g[i];
            double[] down = g[i + 1];
            for (int j = 1 + ((i + 1 + color) & 1); j < last; j += 2) {
                row[j] = quarter * (up[j] + down[j] + row[j - 1] + row[j + 1]) + keep * row[j];
            }
        }
    }
}
