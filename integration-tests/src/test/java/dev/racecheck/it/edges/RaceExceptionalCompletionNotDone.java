package dev.racecheck.it.edges;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * No edge: an exception that is no completion. get(timeout) that times out (a FutureTask, a CompletableFuture, a
 * ForkJoinTask), a get interrupted while it waits, and a cancelled task that runs on: its result is never published
 * (get throws CancellationException, isDone() is true because of the cancel) though it writes and returns. Each task
 * writes its slot once main has seen the exception; main reads it afterwards.
 * Expected: race on array element int[0]
 */
public final class RaceExceptionalCompletionNotDone {
    static final int[] slots = new int[5];

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        pool.submit(() -> { }).get(); // warm-up (see Edges)
        ForkJoinPool fj = new ForkJoinPool(2);
        fj.submit(() -> { }).get(); // warm-up
        int seen = 0;

        Edges.Signal go0 = new Edges.Signal();
        Edges.Signal done0 = new Edges.Signal();
        Future<?> slow = pool.submit(() -> {
            go0.await("main timed out");
            slots[0] = 1; // racy access
            done0.raise();
        });
        try {
            slow.get(10, TimeUnit.MILLISECONDS);
            Edges.check(false, "get(timeout) returned");
        } catch (TimeoutException expected) {
            go0.raise();
            done0.await("the task wrote its slot");
            seen += slots[0]; // racy access
        }

        Edges.Signal go1 = new Edges.Signal();
        Edges.Signal done1 = new Edges.Signal();
        CompletableFuture<Integer> late = new CompletableFuture<>();
        Thread completer = Edges.thread("completer", () -> {
            go1.await("main timed out");
            slots[1] = 2; // racy access
            done1.raise();
            late.complete(2);
        });
        completer.start();
        try {
            late.get(10, TimeUnit.MILLISECONDS);
            Edges.check(false, "get(timeout) returned");
        } catch (TimeoutException expected) {
            go1.raise();
            done1.await("the completer wrote its slot");
            seen += slots[1]; // racy access
        }

        Edges.Signal go2 = new Edges.Signal();
        Edges.Signal done2 = new Edges.Signal();
        ForkJoinTask<?> forked = fj.submit(() -> {
            go2.await("main timed out");
            slots[2] = 3; // racy access
            done2.raise();
        });
        try {
            forked.get(10, TimeUnit.MILLISECONDS);
            Edges.check(false, "get(timeout) returned");
        } catch (TimeoutException expected) {
            go2.raise();
            done2.await("the task wrote its slot");
            seen += slots[2]; // racy access
        }

        Edges.Signal go3 = new Edges.Signal();
        Edges.Signal done3 = new Edges.Signal();
        Edges.Signal started3 = new Edges.Signal();
        Future<Integer> cancelled = pool.submit(() -> {
            started3.raise();
            go3.await("main cancelled the task");
            slots[3] = 4; // racy access
            done3.raise();
            return 4;
        });
        started3.await("the task runs");
        Edges.check(cancelled.cancel(false), "the running task was cancelled");
        go3.raise();
        done3.await("the task wrote its slot");
        Edges.awaitCondition(() -> ((java.util.concurrent.ThreadPoolExecutor) pool).getActiveCount() == 0,
                "the task returned");
        Edges.check(cancelled.isDone(), "a cancelled task is done");
        try {
            cancelled.get();
            Edges.check(false, "get returned");
        } catch (CancellationException expected) {
            seen += slots[3]; // racy access
        }

        Edges.Signal go4 = new Edges.Signal();
        Edges.Signal done4 = new Edges.Signal();
        Future<?> interrupted = pool.submit(() -> {
            go4.await("main's get was interrupted");
            slots[4] = 5; // racy access
            done4.raise();
        });
        Thread.currentThread().interrupt();
        try {
            interrupted.get();
            Edges.check(false, "get returned");
        } catch (InterruptedException expected) {
            go4.raise();
            done4.await("the task wrote its slot");
            seen += slots[4]; // racy access
        }

        Edges.awaitEndWithoutEdge(completer);
        pool.shutdown();
        fj.shutdown();
        System.out.println("RaceExceptionalCompletionNotDone: " + seen);
    }
}
