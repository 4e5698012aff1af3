package dev.racecheck.it.edges;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;

/**
 * CompletableFuture.supplyAsync + join: actions before supplyAsync happen-before the supplier's actions, which
 * happen-before join() returns. A first async task starts the common pool's worker beforehand.
 * Expected: no race
 */
public final class NoRaceCompletableFutureSupplyAsync {
    static int input;
    static int output;

    public static void main(String[] args) {
        Edges.warmUp();
        // With parallelism 1 (two processors), CompletableFuture would start a new thread per task instead.
        System.setProperty("java.util.concurrent.ForkJoinPool.common.parallelism", "2");
        Edges.check(ForkJoinPool.getCommonPoolParallelism() == 2, "the common pool has parallelism 2");
        CompletableFuture.runAsync(() -> { }).join();
        Edges.sleep(50);
        input = 21;
        CompletableFuture<Integer> future = CompletableFuture.supplyAsync(() -> {
            output = input * 2;
            return output;
        });
        future.join();
        System.out.println("NoRaceCompletableFutureSupplyAsync: " + output);
    }
}
