package dev.racecheck.bench.workloads;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.racecheck.bench.workloads.Harness.Check;

/**
 * Executor fan-out: the main thread submits {@code size} small tasks, in waves of 256, to a fixed pool of
 * {@code threads} workers and waits for each wave's futures. Each task is an object whose fields the main thread
 * sets before submission; the task reads a 64-element slice of a table the main thread filled before the pool
 * started (read by all workers), writes its result into its own fields, and the main thread reads them after
 * {@code Future.get}. Exercises submission and completion edges at a high rate with little work per task.
 *
 * <p>Check: the sum of all task results equals the same sum computed directly from the table.
 */
public final class ExecutorFanOut {
    public static final int DEFAULT_SIZE = 200_000;
    private static final int WAVE = 256;
    private static final int TABLE = 4096;
    private static final int SLICE = 64;

    private ExecutorFanOut() {
    }

    /** One task: input set by the submitter, output set by the worker. */
    static final class Task implements Runnable {
        int[] table;
        int offset;
        int multiplier;
        long result;

        @Override
        public void run() {
            long sum = 0;
            for (int i = 0; i < SLICE; i++) sum += (long) table[(offset + i) % TABLE] * multiplier;
            result = sum;
        }
    }

    public static void main(String[] args) {
        Harness.main("executorfanout", args, DEFAULT_SIZE, ExecutorFanOut::run);
    }

    public static Check run(int tasks, int threads) throws Exception {
        int[] table = new int[TABLE];
        for (int i = 0; i < TABLE; i++) table[i] = 1 + (int) (i * 2654435761L % 1000);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long total = 0;
        try {
            for (int start = 0; start < tasks; start += WAVE) {
                int end = Math.min(tasks, start + WAVE);
                List<Task> wave = new ArrayList<>(end - start);
                List<Future<?>> futures = new ArrayList<>(end - start);
                for (int id = start; id < end; id++) {
                    Task task = new Task();
                    task.table = table;
                    task.offset = id * 37 % TABLE;
                    task.multiplier = 1 + id % 5;
                    wave.add(task);
                    futures.add(pool.submit(task));
                }
                for (int k = 0; k < futures.size(); k++) {
                    futures.get(k).get();
                    total += wave.get(k).result;
                }
            }
        } finally {
            pool.shutdown();
            pool.awaitTermination(1, TimeUnit.MINUTES);
        }
        long expected = 0;
        for (int id = 0; id < tasks; id++) {
            for (int i = 0; i < SLICE; i++) expected += (long) table[(id * 37 % TABLE + i) % TABLE] * (1 + id % 5);
        }
        return Check.of(total == expected, tasks + " tasks, total " + total + ", expected " + expected);
    }
}
