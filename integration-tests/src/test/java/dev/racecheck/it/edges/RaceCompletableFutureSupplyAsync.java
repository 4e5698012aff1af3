package dev.racecheck.it.edges;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;

/**
 * CompletableFuture.supplyAsync, edge removed: main reads what the supplier wrote before join().
 * Expected: race on static field dev.racecheck.it.edges.RaceCompletableFutureSupplyAsync.output
 */
public final class RaceCompletableFutureSupplyAsync {
    static int output;

    public static void main(String[] args) {
        Edges.warmUp();
        System.setProperty("java.util.concurrent.ForkJoinPool.common.parallelism", "2");
        Edges.check(ForkJoinPool.getCommonPoolParallelism() == 2, "the common pool has parallelism 2");
        CompletableFuture<Integer> future = CompletableFuture.supplyAsync(() -> {
            output = 42; // racy access
            return 42;
        });
        Edges.sleep(100);
        System.out.println("RaceCompletableFutureSupplyAsync: " + output); // racy access
        future.join();
    }
}
