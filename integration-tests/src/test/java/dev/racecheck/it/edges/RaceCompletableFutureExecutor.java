package dev.racecheck.it.edges;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadPoolExecutor;

/**
 * CompletableFuture with a custom executor, edge removed: main reads what the supplier wrote before join().
 * Expected: race on static field dev.racecheck.it.edges.RaceCompletableFutureExecutor.output
 */
public final class RaceCompletableFutureExecutor {
    static int output;

    public static void main(String[] args) {
        Edges.warmUp();
        ThreadPoolExecutor pool = (ThreadPoolExecutor) Executors.newFixedThreadPool(2);
        CompletableFuture<Integer> future = CompletableFuture.supplyAsync(() -> {
            output = 42; // racy access
            return output;
        }, pool);
        Edges.sleep(100);
        System.out.println("RaceCompletableFutureExecutor: " + output); // racy access
        future.join();
        pool.shutdown();
    }
}
