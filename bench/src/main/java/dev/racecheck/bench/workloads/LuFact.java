package dev.racecheck.bench.workloads;

import java.util.Random;
import java.util.concurrent.CyclicBarrier;

import dev.racecheck.bench.workloads.Harness.Check;

/**
 * Java Grande section 2 "LUFact": LU factorization with partial pivoting (LINPACK's dgefa, column-oriented) of a
 * random {@code size} x {@code size} matrix, then the solve. For each column k, one thread finds the pivot and
 * scales the column, a {@link CyclicBarrier} publishes it, every thread updates its own columns (cyclically
 * assigned) with the pivot column, and a second barrier ends the step. The pivot column is read by all threads.
 *
 * <p>Check: the right-hand side is A times a vector of ones, so the solution must be all ones (to 1e-6), and the
 * normalized residual |Ax - b| / (n |A| |x| eps) must stay small, as LINPACK checks it.
 */
public final class LuFact {
    /** JGF size B. */
    public static final int DEFAULT_SIZE = 1000;

    private LuFact() {
    }

    public static void main(String[] args) {
        Harness.main("lufact", args, DEFAULT_SIZE, LuFact::run);
    }

    public static Check run(int n, int threads) throws InterruptedException {
        Random random = new Random(1325L);
        double[][] a = new double[n][n]; // a[column][row]
        for (double[] column : a) {
            for (int i = 0; i < n; i++) column[i] = random.nextDouble() - 0.5;
        }
        double[][] original = new double[n][];
        for (int j = 0; j < n; j++) original[j] = a[j].clone();
        double[] b = new double[n];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) b[i] += a[j][i];
        }

        int[] pivot = new int[n];
        boolean[] singular = new boolean[1];
        CyclicBarrier barrier = new CyclicBarrier(threads);
        Harness.parallel(threads, "lufact", part -> {
            for (int k = 0; k < n - 1; k++) {
                if (part == 0 && !choosePivot(a, k, n, pivot)) singular[0] = true;
                barrier.await();
                if (singular[0]) return;
                double[] pivotColumn = a[k];
                int p = pivot[k];
                // Columns k+1 .. n-1, cyclically: column j belongs to part j % threads.
                int first = k + 1 + Math.floorMod(part - (k + 1), threads);
                for (int j = first; j < n; j += threads) {
                    double[] column = a[j];
                    double t = column[p];
                    if (p != k) {
                        column[p] = column[k];
                        column[k] = t;
                    }
                    for (int i = k + 1; i < n; i++) column[i] += t * pivotColumn[i];
                }
                barrier.await();
            }
        });
        if (singular[0] || a[n - 1][n - 1] == 0) return Check.of(false, "matrix reported singular");
        pivot[n - 1] = n - 1;

        double[] x = b.clone();
        solve(a, pivot, x, n);
        double worst = 0;
        for (double v : x) worst = Math.max(worst, Math.abs(v - 1));
        double residual = normalizedResidual(original, x, b, n);
        return Check.of(worst < 1e-6 && residual < 100, "max |x - 1| = " + worst + ", normalized residual " + residual);
    }

    /** Finds the pivot of column k, swaps it to the diagonal and scales the column by -1/pivot; false if zero. */
    private static boolean choosePivot(double[][] a, int k, int n, int[] pivot) {
        double[] column = a[k];
        int p = k;
        for (int i = k + 1; i < n; i++) {
            if (Math.abs(column[i]) > Math.abs(column[p])) p = i;
        }
        pivot[k] = p;
        if (column[p] == 0) return false;
        double t = column[p];
        column[p] = column[k];
        column[k] = t;
        double scale = -1 / t;
        for (int i = k + 1; i < n; i++) column[i] *= scale;
        return true;
    }

    /** LINPACK's dgesl: forward elimination with the multipliers and pivots, then back substitution. */
    private static void solve(double[][] a, int[] pivot, double[] b, int n) {
        for (int k = 0; k < n - 1; k++) {
            int p = pivot[k];
            double t = b[p];
            if (p != k) {
                b[p] = b[k];
                b[k] = t;
            }
            double[] column = a[k];
            for (int i = k + 1; i < n; i++) b[i] += t * column[i];
        }
        for (int k = n - 1; k >= 0; k--) {
            double[] column = a[k];
            b[k] /= column[k];
            double t = -b[k];
            for (int i = 0; i < k; i++) b[i] += t * column[i];
        }
    }

    private static double normalizedResidual(double[][] a, double[] x, double[] b, int n) {
        double[] r = new double[n];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) r[i] += a[j][i] * x[j];
        }
        double residual = 0;
        double normA = 0;
        double normX = 0;
        for (int i = 0; i < n; i++) {
            residual = Math.max(residual, Math.abs(r[i] - b[i]));
            normX = Math.max(normX, Math.abs(x[i]));
            for (int j = 0; j < n; j++) normA = Math.max(normA, Math.abs(a[j][i]));
        }
        return residual / (n * normA * normX * Math.ulp(1.0));
    }
}
