package dev.racecheck.it.edges;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * FutureTask.isDone() returning true: the task has completed, and its actions happen-before actions after it, as
 * after get() (FutureTask's state is volatile, written after the outcome).
 * Expected: no race
 */
public final class NoRaceFutureIsDone {
    static int data;

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        ExecutorService pool = Executors.newFixedThreadPool(1);
        pool.submit(() -> { }).get(); // warm-up (see Edges)
        Future<?> done = pool.submit(() -> {
            data = 42;
        });
        while (!done.isDone()) {
            Thread.onSpinWait();
        }
        System.out.println("NoRaceFutureIsDone: " + data);
        pool.shutdown();
    }
}
