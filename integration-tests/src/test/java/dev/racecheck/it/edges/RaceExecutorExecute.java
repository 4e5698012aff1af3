package dev.racecheck.it.edges;

import java.util.concurrent.Executors;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Executor.execute, edge broken: main writes after submitting the task.
 * Expected: race on static field dev.racecheck.it.edges.RaceExecutorExecute.data
 */
public final class RaceExecutorExecute {
    static int data;

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        ThreadPoolExecutor pool = (ThreadPoolExecutor) Executors.newFixedThreadPool(1);
        pool.prestartAllCoreThreads();
        pool.submit(() -> { }).get(); // warm-up (see Edges): FutureTask's call sites linked, in both threads
        Edges.sleep(50);
        pool.execute(() -> {
            Edges.sleep(100);
            System.out.println("RaceExecutorExecute: " + data); // racy access
        });
        data = 42; // racy access
        Edges.sleep(300); // the task has run: shutdown() below cannot interrupt it (an interrupt is an edge)
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.SECONDS);
    }
}
