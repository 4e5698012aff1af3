package dev.racecheck.bench.workloads;

import dev.racecheck.bench.workloads.Harness.Check;

/**
 * Java Grande section 2 "SparseMatMult": y += A x, 200 times, for a random {@code size} x {@code size} matrix with
 * 5 * size non-zeros in coordinate form (row, column, value arrays, sorted by row). Each thread owns a range of
 * rows, so it alone writes their elements of y; x and the matrix are read by all. Irregular, indirect memory
 * access: five array reads and one write per multiply-add.
 *
 * <p>Check: y must equal 200 times A x computed once on the main thread, to a relative 1e-9. {@code ytotal} (the
 * sum of y, JGF's check value) is printed for the Go port's equivalence test; {@code bench/go/sparsematmult} is the
 * same program in Go.
 */
public final class SparseMatMult {
    /** JGF size B (N = M = 100,000, 500,000 non-zeros). */
    public static final int DEFAULT_SIZE = 100_000;
    static final int ITERATIONS = 200;

    private SparseMatMult() {
    }

    public static void main(String[] args) {
        Harness.main("sparsematmult", args, DEFAULT_SIZE, SparseMatMult::run);
    }

    public static Check run(int n, int threads) throws InterruptedException {
        SplitMix64 random = new SplitMix64(10101010L);
        int nz = 5 * n;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = random.nextDouble();
        // Random coordinates, then a counting sort by row.
        int[] rawRow = new int[nz];
        int[] rawCol = new int[nz];
        double[] rawVal = new double[nz];
        int[] rowStart = new int[n + 1];
        for (int k = 0; k < nz; k++) {
            rawRow[k] = random.nextInt(n);
            rawCol[k] = random.nextInt(n);
            rawVal[k] = random.nextDouble();
            rowStart[rawRow[k] + 1]++;
        }
        for (int i = 0; i < n; i++) rowStart[i + 1] += rowStart[i];
        int[] row = new int[nz];
        int[] col = new int[nz];
        double[] val = new double[nz];
        int[] next = rowStart.clone();
        for (int k = 0; k < nz; k++) {
            int at = next[rawRow[k]]++;
            row[at] = rawRow[k];
            col[at] = rawCol[k];
            val[at] = rawVal[k];
        }

        double[] y = new double[n];
        Harness.parallel(threads, "sparsematmult", part -> {
            int from = rowStart[Harness.from(part, threads, n)];
            int to = rowStart[Harness.from(part + 1, threads, n)];
            for (int iteration = 0; iteration < ITERATIONS; iteration++) {
                for (int k = from; k < to; k++) y[row[k]] += val[k] * x[col[k]];
            }
        });

        double[] once = new double[n];
        for (int k = 0; k < nz; k++) once[row[k]] += val[k] * x[col[k]];
        double total = 0;
        for (int i = 0; i < n; i++) {
            if (Math.abs(y[i] - ITERATIONS * once[i]) > 1e-9 * Math.max(1, Math.abs(y[i]))) {
                return Check.of(false, "y[" + i + "] = " + y[i] + ", expected " + ITERATIONS * once[i]);
            }
            total += y[i];
        }
        return Check.of(true, nz + " non-zeros ytotal=" + total);
    }
}
