package dev.racecheck.bench.runner;

import java.util.Arrays;
import java.util.Collection;

/** Medians and geometric means. */
public final class Stats {
    private Stats() {
    }

    /** The median; for an even count, the mean of the two middle values. NaN when empty. */
    public static double median(Collection<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (v.length == 0) return Double.NaN;
        int mid = v.length / 2;
        return v.length % 2 == 1 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
    }

    /** The geometric mean of positive values; NaN when empty. */
    public static double geomean(double... values) {
        if (values.length == 0) return Double.NaN;
        return Math.exp(Arrays.stream(values).map(Math::log).sum() / values.length);
    }
}
