package dev.racecheck.it.edges;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;

/**
 * CompletableFuture.thenApplyAsync, added before the source completes: actions before complete(x) happen-before the
 * function, which runs in the common pool.
 * Expected: no race
 */
public final class NoRaceCompletableFutureThenApplyAsync {
    static final class Box {
        int value;
    }

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        System.setProperty("java.util.concurrent.ForkJoinPool.common.parallelism", "2");
        Edges.check(ForkJoinPool.getCommonPoolParallelism() == 2, "the common pool has parallelism 2");
        CompletableFuture<Box> source = new CompletableFuture<>();
        CompletableFuture<Integer> result = source.thenApplyAsync(box -> box.value + 1);
        Thread producer = Edges.thread("producer", () -> {
            Box box = new Box();
            box.value = 41;
            source.complete(box);
        });
        producer.start();
        System.out.println("NoRaceCompletableFutureThenApplyAsync: " + result.join());
        producer.join();
    }
}
