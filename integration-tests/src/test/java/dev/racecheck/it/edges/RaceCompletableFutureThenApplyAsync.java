package dev.racecheck.it.edges;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;

/**
 * CompletableFuture.thenApplyAsync, edge broken: the producer writes after complete(x).
 * Expected: race on field dev.racecheck.it.edges.RaceCompletableFutureThenApplyAsync$Box.value
 */
public final class RaceCompletableFutureThenApplyAsync {
    static final class Box {
        int value;
    }

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        System.setProperty("java.util.concurrent.ForkJoinPool.common.parallelism", "2");
        Edges.check(ForkJoinPool.getCommonPoolParallelism() == 2, "the common pool has parallelism 2");
        CompletableFuture<Box> source = new CompletableFuture<>();
        CompletableFuture<Integer> result = source.thenApplyAsync(box -> {
            Edges.sleep(100);
            return box.value + 1; // racy access
        });
        Thread producer = Edges.thread("producer", () -> {
            Box box = new Box();
            source.complete(box);
            box.value = 41; // racy access
        });
        producer.start();
        System.out.println("RaceCompletableFutureThenApplyAsync: " + result.join());
        producer.join();
    }
}
