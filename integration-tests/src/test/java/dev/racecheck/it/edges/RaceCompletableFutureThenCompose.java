package dev.racecheck.it.edges;

import java.util.concurrent.CompletableFuture;

/**
 * CompletableFuture.thenCompose, edge broken: the producer writes after completing the inner stage.
 * Expected: race on field dev.racecheck.it.edges.RaceCompletableFutureThenCompose$Box.value
 */
public final class RaceCompletableFutureThenCompose {
    static final class Box {
        int value;
    }

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        CompletableFuture<Box> inner = new CompletableFuture<>();
        CompletableFuture<Box> composed = CompletableFuture.completedFuture("key").thenCompose(key -> inner);
        Thread producer = Edges.thread("producer", () -> {
            Box box = new Box();
            inner.complete(box);
            box.value = 42; // racy access
        });
        producer.start();
        Box box = composed.join();
        Edges.sleep(100);
        System.out.println("RaceCompletableFutureThenCompose: " + box.value); // racy access
        producer.join();
    }
}
