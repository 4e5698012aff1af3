package dev.racecheck.it.edges;

import java.util.concurrent.Executors;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Executor.execute: actions before submitting a task happen-before the task's actions. The worker thread is
 * started beforehand, so Thread.start does not order them.
 * Expected: no race
 */
public final class NoRaceExecutorExecute {
    static int data;

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        ThreadPoolExecutor pool = (ThreadPoolExecutor) Executors.newFixedThreadPool(1);
        pool.prestartAllCoreThreads();
        pool.submit(() -> { }).get(); // warm-up (see Edges): FutureTask's call sites linked, in both threads
        Edges.sleep(50);
        data = 42;
        pool.execute(() -> System.out.println("NoRaceExecutorExecute: " + data));
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.SECONDS);
    }
}
