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
        Edges.Signal read = new Edges.Signal();
        pool.execute(() -> {
            Edges.sleep(100);
            System.out.println("RaceExecutorExecute: " + data); // racy access
            read.raise();
        });
        data = 42; // racy access
        // Shut down only once the task has read, however late it runs: shutdown() interrupts an idle worker and
        // updates the pool's state, edges to a worker that has not taken the task yet.
        read.await("the task ran");
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.SECONDS);
    }
}
