package dev.racecheck.bench.workloads;

/**
 * Steele, Lea and Flood's SplitMix64 generator: the input data of the workloads that have a Go port
 * ({@code bench/go/harness/harness.go} has the same generator), so the Java and Go programs work on the same
 * numbers and print the same check values. Not thread-safe; used by the main thread only.
 */
public final class SplitMix64 {
    private long state;

    public SplitMix64(long seed) {
        state = seed;
    }

    public long nextLong() {
        long z = state += 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform in [0, 1), from the top 53 bits. */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** In [0, bound): the unsigned value modulo bound (the bias is below 2^-40 for the bounds used here). */
    public int nextInt(int bound) {
        return (int) Long.remainderUnsigned(nextLong(), bound);
    }
}
