package dev.racecheck.bench.workloads;

import dev.racecheck.bench.workloads.Harness.Check;

/**
 * The classic shared counter: {@code size} increments in all, split evenly among the threads, each increment of one
 * {@code long} field inside {@code synchronized} on one lock object. Lock-bound: every access to the counter is
 * under a contended monitor, so nearly all the time is acquire and release. {@code bench/go/counter} is the same
 * program in Go (a {@code sync.Mutex}).
 *
 * <p>Check: the count equals {@code size}.
 */
public final class Counter {
    public static final int DEFAULT_SIZE = 10_000_000;

    private final Object lock = new Object();
    private long count;

    private Counter() {
    }

    public static void main(String[] args) {
        Harness.main("counter", args, DEFAULT_SIZE, Counter::run);
    }

    public static Check run(int n, int threads) throws InterruptedException {
        Counter counter = new Counter();
        Harness.parallel(threads, "counter", part -> {
            int increments = Harness.from(part + 1, threads, n) - Harness.from(part, threads, n);
            for (int i = 0; i < increments; i++) counter.increment();
        });
        long count;
        synchronized (counter.lock) {
            count = counter.count;
        }
        return Check.of(count == n, "count=" + count);
    }

    private void increment() {
        synchronized (lock) {
            count++;
        }
    }
}
