package dev.racecheck.it.edges;

import java.util.concurrent.CompletableFuture;

/**
 * CompletableFuture.get: actions before complete(x) happen-before actions after a get() that returns x.
 * Expected: no race
 */
public final class NoRaceCompletableFutureGet {
    static final class Box {
        int value;
    }

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        CompletableFuture<Box> future = new CompletableFuture<>();
        Thread producer = Edges.thread("producer", () -> {
            Box box = new Box();
            box.value = 42;
            future.complete(box);
        });
        producer.start();
        Box box = future.get();
        System.out.println("NoRaceCompletableFutureGet: " + box.value);
        producer.join();
    }
}
