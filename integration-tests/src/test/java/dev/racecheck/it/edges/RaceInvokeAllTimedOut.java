package dev.racecheck.it.edges;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

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
        List<Callable<Void>> tasks = List.of(() -> {
            Edges.sleepThroughInterrupts(300);
            results[0] = 42; // racy access
            return null;
        });
        List<Future<Void>> futures = pool.invokeAll(tasks, 50, TimeUnit.MILLISECONDS);
        Edges.check(futures.get(0).isCancelled(), "the slow task was cancelled at the time-out");
        Edges.sleep(500);
        System.out.println("RaceInvokeAllTimedOut: " + results[0]); // racy access
        pool.shutdown();
    }
}
