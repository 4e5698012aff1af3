package dev.racecheck.it.edges;

import java.util.concurrent.CompletableFuture;

/**
 * CompletableFuture.anyOf, edge broken: the producer writes after completing its future.
 * Expected: race on field dev.racecheck.it.edges.RaceCompletableFutureAnyOf$Box.value
 */
public final class RaceCompletableFutureAnyOf {
    static final class Box {
        int value;
    }

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        CompletableFuture<Box> first = new CompletableFuture<>();
        CompletableFuture<Box> never = new CompletableFuture<>();
        CompletableFuture<Object> any = CompletableFuture.anyOf(first, never);
        Thread producer = Edges.thread("producer", () -> {
            Box box = new Box();
            first.complete(box);
            box.value = 42; // racy access
        });
        producer.start();
        Box box = (Box) any.join();
        Edges.sleep(100);
        System.out.println("RaceCompletableFutureAnyOf: " + box.value); // racy access
        producer.join();
    }
}
