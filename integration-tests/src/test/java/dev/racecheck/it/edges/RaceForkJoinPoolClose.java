package dev.racecheck.it.edges;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * ForkJoinPool.close(), edge removed: on the common pool close() is a no-op (the common pool never terminates) and
 * waits for nothing. The common pool has two workers, started by a first task. Its workers are daemon threads, so
 * main waits (with opaque reads, which order nothing) until both tasks have written before it reads.
 * Requires: JDK 19
 * Expected: race on array element long[1]
 */
public final class RaceForkJoinPoolClose {
    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        System.setProperty("java.util.concurrent.ForkJoinPool.common.parallelism", "2");
        ForkJoinPool pool = ForkJoinPool.commonPool();
        Edges.check(pool.getParallelism() == 2, "the common pool has parallelism 2");
        pool.submit(() -> Edges.sleep(50)).join(); // starts a worker
        long[] parts = new long[2];
        AtomicInteger written = new AtomicInteger();
        try (AutoCloseable closing = (AutoCloseable) pool) {
            for (int i = 0; i < 2; i++) {
                int k = i;
                pool.execute(() -> {
                    Edges.sleep(100);
                    parts[k] = k * 100L + 1; // racy access
                    written.getAndIncrement();
                });
            }
        }
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (written.getOpaque() < 2 && System.nanoTime() < deadline) {
            Edges.sleep(5);
        }
        Edges.check(written.getOpaque() == 2, "both tasks ran");
        System.out.println("RaceForkJoinPoolClose: " + parts[1]); // racy access
    }
}
