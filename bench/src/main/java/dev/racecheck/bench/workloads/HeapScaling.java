package dev.racecheck.bench.workloads;

import dev.racecheck.bench.workloads.Harness.Check;

/**
 * The heap-scaling workload: {@code size} small objects, each with two plain fields, all of them touched by several
 * threads. Four rounds of threads, each round joined before the next starts: the threads create and fill their own
 * block of objects; each reads the block of the next thread; each updates its own block again; each reads the block
 * of the previous thread. Every object and every field thus gets state in the detector, and the live
 * tracked state grows with {@code size}.
 *
 * <p>Check: the sums read in rounds two and four equal the closed forms.
 */
public final class HeapScaling {
    public static final int DEFAULT_SIZE = 1_000_000;

    private HeapScaling() {
    }

    /** The tracked object. */
    static final class Cell {
        int a;
        long b;
    }

    public static void main(String[] args) {
        Harness.main("heapscaling", args, DEFAULT_SIZE, HeapScaling::run);
    }

    public static Check run(int n, int threads) throws InterruptedException {
        Cell[] cells = new Cell[n];
        long[] sums = new long[threads];
        Harness.parallel(threads, "heap-fill", part -> {
            int to = Harness.from(part + 1, threads, n);
            for (int i = Harness.from(part, threads, n); i < to; i++) {
                Cell c = new Cell();
                c.a = i;
                c.b = 2L * i;
                cells[i] = c;
            }
        });
        Harness.parallel(threads, "heap-read", part -> {
            int other = (part + 1) % threads;
            long sum = 0;
            int to = Harness.from(other + 1, threads, n);
            for (int i = Harness.from(other, threads, n); i < to; i++) sum += cells[i].a + cells[i].b;
            sums[part] = sum;
        });
        long first = 0;
        for (long s : sums) first += s;
        Harness.parallel(threads, "heap-update", part -> {
            int to = Harness.from(part + 1, threads, n);
            for (int i = Harness.from(part, threads, n); i < to; i++) {
                Cell c = cells[i];
                c.a += 1;
                c.b -= 1;
            }
        });
        Harness.parallel(threads, "heap-reread", part -> {
            int other = (part + threads - 1) % threads;
            long sum = 0;
            int to = Harness.from(other + 1, threads, n);
            for (int i = Harness.from(other, threads, n); i < to; i++) sum += cells[i].a - cells[i].b;
            sums[part] = sum;
        });
        long second = 0;
        for (long s : sums) second += s;
        long nl = n;
        long expectedFirst = 3 * (nl * (nl - 1) / 2);
        long expectedSecond = -(nl * (nl - 1) / 2) + 2 * nl;
        return Check.of(first == expectedFirst && second == expectedSecond,
                n + " objects, sums " + first + " and " + second);
    }
}
