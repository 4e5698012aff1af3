package dev.racecheck.it.edges;

import java.util.concurrent.CompletableFuture;

/**
 * CompletableFuture.anyOf: actions before the first source completes with x happen-before join() on anyOf, which
 * returns x.
 * Expected: no race
 */
public final class NoRaceCompletableFutureAnyOf {
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
            box.value = 42;
            first.complete(box);
        });
        producer.start();
        Box box = (Box) any.join();
        System.out.println("NoRaceCompletableFutureAnyOf: " + box.value);
        producer.join();
    }
}
