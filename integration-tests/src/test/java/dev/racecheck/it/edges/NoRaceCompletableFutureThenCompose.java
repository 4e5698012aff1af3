package dev.racecheck.it.edges;

import java.util.concurrent.CompletableFuture;

/**
 * CompletableFuture.thenCompose: the composed stage completes when the stage returned by the function does; what
 * happened before that stage completed happens-before join() on the composed stage returns.
 * Expected: no race
 */
public final class NoRaceCompletableFutureThenCompose {
    static final class Box {
        int value;
    }

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        CompletableFuture<Box> inner = new CompletableFuture<>();
        CompletableFuture<Box> composed = CompletableFuture.completedFuture("key").thenCompose(key -> inner);
        Thread producer = Edges.thread("producer", () -> {
            Box box = new Box();
            box.value = 42;
            inner.complete(box);
        });
        producer.start();
        Box box = composed.join();
        System.out.println("NoRaceCompletableFutureThenCompose: " + box.value);
        producer.join();
    }
}
