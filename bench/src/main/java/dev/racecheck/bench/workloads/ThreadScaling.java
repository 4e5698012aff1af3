package dev.racecheck.bench.workloads;

import java.util.concurrent.CyclicBarrier;

import dev.racecheck.bench.workloads.Harness.Check;

/**
 * The thread-scaling workload: a fixed amount of work, 100 Jacobi sweeps over {@code size} cells of a 1-D grid
 * (two arrays, swapped each sweep), split into as many bands as there are threads, with a {@link CyclicBarrier}
 * between sweeps. The total work does not change with the thread count; the number of threads, the barrier's
 * parties and the cells read across band borders do.
 *
 * <p>Check: the grid starts as a sine mode, an eigenvector of the sweep, so after k sweeps it must be exactly that
 * mode times cos(pi m / (size + 1))^k (to 1e-9).
 */
public final class ThreadScaling {
    public static final int DEFAULT_SIZE = 1_000_000;
    static final int SWEEPS = 100;

    private ThreadScaling() {
    }

    public static void main(String[] args) {
        Harness.main("threadscaling", args, DEFAULT_SIZE, ThreadScaling::run);
    }

    public static Check run(int n, int threads) throws InterruptedException {
        // A mode that decays to about a third over the sweeps: cos(pi m / (n + 1)) close to 0.99.
        int mode = Math.max(1, (int) Math.round((n + 1) * Math.acos(0.99) / Math.PI));
        double[] first = new double[n + 2];
        double[] second = new double[n + 2];
        for (int i = 1; i <= n; i++) first[i] = Math.sin(Math.PI * mode * i / (n + 1));
        double[][] grids = {first, second};
        CyclicBarrier barrier = new CyclicBarrier(threads);
        Harness.parallel(threads, "scaling", part -> {
            int lo = 1 + Harness.from(part, threads, n);
            int hi = 1 + Harness.from(part + 1, threads, n);
            for (int sweep = 0; sweep < SWEEPS; sweep++) {
                double[] from = grids[sweep % 2];
                double[] to = grids[1 - sweep % 2];
                for (int i = lo; i < hi; i++) to[i] = 0.5 * (from[i - 1] + from[i + 1]);
                barrier.await();
            }
        });
        double[] result = grids[SWEEPS % 2];
        double factor = Math.pow(Math.cos(Math.PI * mode / (n + 1)), SWEEPS);
        double maxError = 0;
        for (int i = 1; i <= n; i++) {
            maxError = Math.max(maxError, Math.abs(result[i] - factor * Math.sin(Math.PI * mode * i / (n + 1))));
        }
        return Check.of(maxError < 1e-9, "mode " + mode + ", decay " + factor + ", max error " + maxError);
    }
}
