package dev.racecheck.it.edges;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * No edge: invokeAll(tasks, timeout) that times out cancels the unfinished tasks; what such a task does (it ignores
 * the interrupt and goes on) is not ordered before anything in the caller.
 * Expected: race on array element int[0]
 */
public final class RaceInvokeAllTimedOut {
    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        ExecutorService pool = Executors.newFixedThreadPool(1);
        pool.submit(() -> { }).get(); // warm-up (see Edges)
        int[] results = new int[1];
        AtomicBoolean started = new AtomicBoolean();
        List<Callable<Void>> tasks = List.of(() -> {
            started.set(true);
            Edges.sleepThroughInterrupts(1500); // cancelled at 1000 ms; the write comes well after invokeAll returned
            results[0] = 42; // racy access
            return null;
        });
        // A time-out long enough for the task to start on a loaded machine: a task cancelled before it starts never
        // runs, and there would be nothing to race with.
        List<Future<Void>> futures = pool.invokeAll(tasks, 1000, TimeUnit.MILLISECONDS);
        Edges.check(started.get() && futures.get(0).isCancelled(), "the slow task ran and was cancelled at the time-out");
        Edges.sleep(1000);
        System.out.println("RaceInvokeAllTimedOut: " + results[0]); // racy access
        pool.shutdown();
    }
}
