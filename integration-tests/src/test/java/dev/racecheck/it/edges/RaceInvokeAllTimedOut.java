package dev.racecheck.it.edges;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * No edge: invokeAll(tasks, timeout) that times out cancels the unfinished tasks; what such a task does (it ignores
 * the interrupt and goes on) is not ordered before anything in the caller.
 * Expected: race on array element int[0]
 */
public final class RaceInvokeAllTimedOut {
    /**
     * A single-thread pool whose execute(task), which invokeAll calls in main, returns only once the task has started
     * (waiting is no edge): the time-out runs from the call of invokeAll, and a task cancelled before it started
     * would never run, however slow the machine is to start it.
     */
    static final class StartAwaitingPool extends ThreadPoolExecutor {
        Edges.Signal started; // set and read by main only

        StartAwaitingPool() {
            super(1, 1, 0L, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>());
        }

        @Override
        public void execute(Runnable task) {
            super.execute(task);
            if (started != null) {
                started.await("the task started");
            }
        }
    }

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        StartAwaitingPool pool = new StartAwaitingPool();
        pool.submit(() -> { }).get(); // warm-up (see Edges)
        int[] results = new int[1];
        Edges.Signal started = new Edges.Signal();
        Edges.Signal returned = new Edges.Signal();
        Edges.Signal written = new Edges.Signal();
        List<Callable<Void>> tasks = List.of(() -> {
            started.raise();
            Edges.awaitInterrupt("the task was cancelled at the time-out"); // and goes on, ignoring it
            // It ends only after invokeAll returned, so that the write is surely not ordered before invokeAll's
            // return (invokeAll acquires each future that completed; a cancelled task's set() releases nothing).
            returned.await("invokeAll returned");
            results[0] = 42; // racy access
            written.raise();
            return null;
        });
        pool.started = started;
        List<Future<Void>> futures = pool.invokeAll(tasks, 100, TimeUnit.MILLISECONDS);
        returned.raise();
        Edges.check(futures.get(0).isCancelled(), "the task was cancelled at the time-out");
        written.await("the cancelled task wrote");
        System.out.println("RaceInvokeAllTimedOut: " + results[0]); // racy access
        pool.shutdown();
    }
}
