package dev.racecheck.it.edges;

import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;

/**
 * ExecutorService.submit(Callable): actions before submission happen-before the task's actions (the worker was
 * started beforehand).
 * Expected: no race
 */
public final class NoRaceExecutorSubmit {
    static int data;

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        ThreadPoolExecutor pool = (ThreadPoolExecutor) Executors.newFixedThreadPool(1);
        pool.prestartAllCoreThreads();
        pool.submit(() -> { }).get(); // warm-up (see Edges): FutureTask's call sites linked, in both threads
        Edges.sleep(50);
        data = 42;
        Future<Integer> seen = pool.submit(() -> data);
        System.out.println("NoRaceExecutorSubmit: " + seen.get());
        pool.shutdown();
    }
}
