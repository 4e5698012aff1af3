package dev.racecheck.bench.workloads;

import java.util.concurrent.CyclicBarrier;

import dev.racecheck.bench.workloads.Harness.Check;

/**
 * Java Grande section 2 "SOR": successive over-relaxation on a {@code size} x {@code size} grid, red-black ordered.
 * Threads own bands of rows; each half-sweep (red cells, then black cells) ends at a {@link CyclicBarrier}, so the
 * neighbour rows a thread reads from the next band were written before the barrier. Memory-bound: five array reads
 * and one write per cell update.
 *
 * <p>Check: the boundary holds u(x, y) = x^2 - y^2, harmonic and exact for the 5-point Laplacian, so the grid must
 * converge to it; {@code 4 * size} sweeps at the optimal relaxation factor bring the error under 1e-6.
 */
public final class Sor {
    public static final int DEFAULT_SIZE = 300;

    private Sor() {
    }

    public static void main(String[] args) {
        Harness.main("sor", args, DEFAULT_SIZE, Sor::run);
    }

    public static Check run(int n, int threads) throws InterruptedException {
        double h = 1.0 / (n + 1);
        double[][] g = new double[n + 2][n + 2];
        for (int k = 0; k <= n + 1; k++) {
            g[k][0] = exact(k, 0, h);
            g[k][n + 1] = exact(k, n + 1, h);
            g[0][k] = exact(0, k, h);
            g[n + 1][k] = exact(n + 1, k, h);
        }
        double omega = 2 / (1 + Math.sin(Math.PI * h));
        int sweeps = 4 * n;
        CyclicBarrier barrier = new CyclicBarrier(threads);
        Harness.parallel(threads, "sor", part -> {
            int lo = 1 + Harness.from(part, threads, n);
            int hi = 1 + Harness.from(part + 1, threads, n);
            for (int sweep = 0; sweep < sweeps; sweep++) {
                for (int color = 0; color < 2; color++) {
                    relax(g, lo, hi, n, color, omega);
                    barrier.await();
                }
            }
        });
        double maxError = 0;
        for (int i = 1; i <= n; i++) {
            for (int j = 1; j <= n; j++) maxError = Math.max(maxError, Math.abs(g[i][j] - exact(i, j, h)));
        }
        return Check.of(maxError < 1e-6, "sweeps=" + sweeps + " max error " + maxError);
    }

    /** Updates the cells (i, j) with i + j of parity {@code color} in rows [lo, hi). */
    private static void relax(double[][] g, int lo, int hi, int n, int color, double omega) {
        double keep = 1 - omega;
        double quarter = omega * 0.25;
        for (int i = lo; i < hi; i++) {
            double[] up = g[i - 1];
            double[] row = g[i];
            double[] down = g[i + 1];
            for (int j = 1 + ((i + 1 + color) & 1); j <= n; j += 2) {
                row[j] = keep * row[j] + quarter * (up[j] + down[j] + row[j - 1] + row[j + 1]);
            }
        }
    }

    private static double exact(int i, int j, double h) {
        double x = i * h;
        double y = j * h;
        return x * x - y * y;
    }
}
