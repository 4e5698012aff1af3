package dev.racecheck.bench.workloads;

import dev.racecheck.bench.workloads.Harness.Check;

/**
 * Java Grande section 2 "Series": the first {@code size} Fourier coefficient pairs of f(x) = (x+1)^x on [0, 2],
 * each integral by the trapezoid rule over 1000 intervals. Threads take contiguous blocks of coefficients and write
 * only their own slice of the result arrays; the main thread reads them after join. Compute-bound: few memory
 * accesses per floating-point operation.
 *
 * <p>Check: a0 against an independent Simpson integration of f, and a sample of coefficients recomputed on the
 * main thread, which must match to 1e-12 (same arithmetic whatever thread computed them; a tolerance only because
 * Math.pow and Math.cos may differ in the last bit between interpreted and compiled code). {@code bench/go/series} is
 * the same program in Go.
 */
public final class Series {
    /** JGF size A. */
    public static final int DEFAULT_SIZE = 10_000;
    private static final int INTERVALS = 1000;
    private static final double OMEGA = Math.PI; // period 2

    private Series() {
    }

    public static void main(String[] args) {
        Harness.main("series", args, DEFAULT_SIZE, Series::run);
    }

    public static Check run(int n, int threads) throws InterruptedException {
        double[] a = new double[n];
        double[] b = new double[n];
        Harness.parallel(threads, "series", part -> {
            int to = Harness.from(part + 1, threads, n);
            for (int i = Harness.from(part, threads, n); i < to; i++) {
                if (i == 0) {
                    a[0] = integrate(0, 0) / 2;
                } else {
                    a[i] = integrate(OMEGA * i, 1);
                    b[i] = integrate(OMEGA * i, 2);
                }
            }
        });
        double a0 = simpson(200_000) / 2;
        if (Math.abs(a[0] - a0) > 1e-4) return Check.of(false, "a0=" + a[0] + ", Simpson gives " + a0);
        for (int k = 1; k < 16 && k < n; k++) {
            int i = (int) ((long) n * k / 16);
            if (!close(a[i], integrate(OMEGA * i, 1)) || !close(b[i], integrate(OMEGA * i, 2))) {
                return Check.of(false, "coefficient " + i + " differs from its sequential value");
            }
        }
        return Check.of(true, "a0=" + a[0] + " a1=" + (n > 1 ? a[1] : 0.0) + " b1=" + (n > 1 ? b[1] : 0.0));
    }

    private static boolean close(double x, double y) {
        return Math.abs(x - y) <= 1e-12 * Math.max(1, Math.abs(y));
    }

    /** Trapezoid rule on [0, 2] of f(x), f(x) cos(wx) or f(x) sin(wx) (select 0, 1, 2). */
    static double integrate(double omega, int select) {
        double h = 2.0 / INTERVALS;
        double sum = (f(0, omega, select) + f(2, omega, select)) / 2;
        for (int k = 1; k < INTERVALS; k++) sum += f(k * h, omega, select);
        return sum * h;
    }

    private static double f(double x, double omega, int select) {
        double base = Math.pow(x + 1, x);
        switch (select) {
            case 1: return base * Math.cos(omega * x);
            case 2: return base * Math.sin(omega * x);
            default: return base;
        }
    }

    private static double simpson(int intervals) {
        double h = 2.0 / intervals;
        double sum = f(0, 0, 0) + f(2, 0, 0);
        for (int k = 1; k < intervals; k++) sum += (k % 2 == 1 ? 4 : 2) * f(k * h, 0, 0);
        return sum * h / 3;
    }
}
