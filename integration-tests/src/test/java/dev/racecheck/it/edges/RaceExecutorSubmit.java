package dev.racecheck.it.edges;

import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;

/**
 * ExecutorService.submit(Callable), edge broken: main writes after submitting the task.
 * Expected: race on static field dev.racecheck.it.edges.RaceExecutorSubmit.data
 */
public final class RaceExecutorSubmit {
    static int data;

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        ThreadPoolExecutor pool = (ThreadPoolExecutor) Executors.newFixedThreadPool(1);
        pool.prestartAllCoreThreads();
        pool.submit(() -> { }).get(); // warm-up (see Edges): FutureTask's call sites linked, in both threads
        Edges.sleep(50);
        Future<Integer> seen = pool.submit(() -> {
            Edges.sleep(100);
            return data; // racy access
        });
        data = 42; // racy access
        System.out.println("RaceExecutorSubmit: " + seen.get());
        pool.shutdown();
    }
}
