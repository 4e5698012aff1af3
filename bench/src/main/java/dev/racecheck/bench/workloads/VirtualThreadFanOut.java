package dev.racecheck.bench.workloads;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import dev.racecheck.bench.workloads.Harness.Check;

/**
 * Virtual-thread fan-out (JDK 21+): {@code size} tasks, each on its own virtual thread from
 * {@code Executors.newVirtualThreadPerTaskExecutor()}, as a server handles requests, submitted in waves of at most
 * {@code wave} (third argument, default 2,000) live virtual threads: the main thread submits a wave, then waits for
 * each of its futures. Each task takes one of
 * {@code threads * 4} permits of a {@link Semaphore} (a connection pool), reads a 32-element slice of a table shared
 * by all tasks, yields the carrier once (a blocking call would), writes its result into its own request object and
 * returns the permit. The main thread reads the results after each task's {@code Future.get}.
 *
 * <p>Built for Java 17 bytecode: the executor is looked up with MethodHandles, so on JDK 17 the workload says it
 * cannot run (exit status 3) instead of failing to load.
 *
 * <p>Check: every task ran once and the sum of results equals the one computed directly.
 */
public final class VirtualThreadFanOut {
    public static final int DEFAULT_SIZE = 10_000;
    public static final int DEFAULT_WAVE = 2_000;
    /** Exit status when the JDK has no virtual threads. */
    public static final int UNSUPPORTED = 3;
    private static final int TABLE = 1024;
    private static final int SLICE = 32;

    private VirtualThreadFanOut() {
    }

    /** One request: input set before submission, output set by its virtual thread. */
    static final class Request implements Runnable {
        final Semaphore pool;
        int[] table;
        int id;
        long result;
        int runs;

        Request(Semaphore pool) {
            this.pool = pool;
        }

        @Override
        public void run() {
            try {
                pool.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            try {
                long sum = 0;
                for (int i = 0; i < SLICE; i++) sum += table[(id * 13 + i) % TABLE];
                Thread.yield();
                result = sum * (id % 3 + 1);
                runs++;
            } finally {
                pool.release();
            }
        }
    }

    public static void main(String[] args) {
        if (newVirtualThreadExecutor() == null) {
            System.out.println("bench: virtualthreads needs JDK 21 or later; this is " + Runtime.version());
            System.exit(UNSUPPORTED);
        }
        int wave = args.length > 2 ? Integer.parseInt(args[2]) : DEFAULT_WAVE;
        Harness.main("virtualthreads", args, DEFAULT_SIZE, (size, threads) -> run(size, threads, wave));
    }

    /** A handle on Executors.newVirtualThreadPerTaskExecutor(), or null before JDK 21. */
    static MethodHandle newVirtualThreadExecutor() {
        try {
            return MethodHandles.publicLookup().findStatic(java.util.concurrent.Executors.class,
                    "newVirtualThreadPerTaskExecutor", MethodType.methodType(ExecutorService.class));
        } catch (NoSuchMethodException | IllegalAccessException e) {
            return null;
        }
    }

    public static Check run(int tasks, int threads) throws Throwable {
        return run(tasks, threads, DEFAULT_WAVE);
    }

    /** Runs {@code tasks} tasks with at most {@code wave} of them submitted and not yet waited for. */
    public static Check run(int tasks, int threads, int wave) throws Throwable {
        MethodHandle factory = newVirtualThreadExecutor();
        if (factory == null) return Check.of(false, "no virtual threads on " + Runtime.version());
        int[] table = new int[TABLE];
        for (int i = 0; i < TABLE; i++) table[i] = i % 97 + 1;
        Semaphore pool = new Semaphore(threads * 4);
        ExecutorService executor = (ExecutorService) factory.invoke();
        long total = 0;
        try {
            for (int start = 0; start < tasks; start += wave) {
                int end = Math.min(tasks, start + wave);
                List<Request> requests = new ArrayList<>(end - start);
                List<Future<?>> futures = new ArrayList<>(end - start);
                for (int id = start; id < end; id++) {
                    Request r = new Request(pool);
                    r.table = table;
                    r.id = id;
                    requests.add(r);
                    futures.add(executor.submit(r));
                }
                for (int k = 0; k < futures.size(); k++) {
                    futures.get(k).get();
                    Request r = requests.get(k);
                    if (r.runs != 1) return Check.of(false, "request " + r.id + " ran " + r.runs + " times");
                    total += r.result;
                }
            }
            long expected = 0;
            for (int id = 0; id < tasks; id++) {
                long sum = 0;
                for (int i = 0; i < SLICE; i++) sum += table[(id * 13 + i) % TABLE];
                expected += sum * (id % 3 + 1);
            }
            return Check.of(total == expected, tasks + " virtual threads in waves of " + wave + ", total " + total
                    + ", expected " + expected);
        } finally {
            executor.shutdown();
            executor.awaitTermination(1, TimeUnit.MINUTES);
        }
    }
}
