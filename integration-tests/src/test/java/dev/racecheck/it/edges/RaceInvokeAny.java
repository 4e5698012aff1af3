package dev.racecheck.it.edges;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * ExecutorService.invokeAny, edge missing: only the task whose result is returned is ordered before the return; a
 * losing task (cancelled, but ignoring the interrupt) is not.
 * Expected: race on static field dev.racecheck.it.edges.RaceInvokeAny.data
 */
public final class RaceInvokeAny {
    static int data;

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        pool.submit(() -> { }).get(); // warm-up (see Edges)
        AtomicBoolean slowStarted = new AtomicBoolean();
        Edges.Signal written = new Edges.Signal();
        List<Callable<String>> tasks = List.of(() -> {
            slowStarted.set(true);
            // Goes on only once invokeAny, which has the fast task's result, cancels it: the fast one wins in every
            // schedule.
            Edges.awaitInterrupt("the slow task was cancelled");
            data = 42; // racy access
            written.raise();
            return "slow";
        }, () -> {
            // The fast task wins only once the slow one runs: cancelled before it started, it would never write.
            while (!slowStarted.get()) {
                Edges.sleep(1);
            }
            return "fast";
        });
        String result = pool.invokeAny(tasks);
        Edges.check(result.equals("fast"), "the fast task won");
        written.await("the cancelled slow task wrote");
        System.out.println("RaceInvokeAny: " + data); // racy access
        pool.shutdown();
    }
}
