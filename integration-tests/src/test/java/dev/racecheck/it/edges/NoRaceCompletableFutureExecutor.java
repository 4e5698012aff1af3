package dev.racecheck.it.edges;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadPoolExecutor;

/**
 * CompletableFuture with a custom executor: supplyAsync(supplier, executor) and thenApplyAsync(f, executor) order
 * like executor submission (the caller's earlier actions happen-before the supplier; the supplier's happen-before
 * the function) and completion (the function's actions happen-before join() returns).
 * Expected: no race
 */
public final class NoRaceCompletableFutureExecutor {
    static int input;
    static int middle;
    static int output;

    public static void main(String[] args) {
        Edges.warmUp();
        ThreadPoolExecutor pool = (ThreadPoolExecutor) Executors.newFixedThreadPool(2);
        pool.prestartAllCoreThreads();
        Edges.sleep(50);
        input = 20;
        CompletableFuture<Integer> future = CompletableFuture.supplyAsync(() -> {
            middle = input + 1;
            return 0;
        }, pool).thenApplyAsync(ignored -> {
            output = middle * 2;
            return output;
        }, pool);
        future.join();
        System.out.println("NoRaceCompletableFutureExecutor: " + output);
        pool.shutdown();
    }
}
