package dev.racecheck.it.edges;

import java.util.concurrent.CompletableFuture;

/**
 * CompletableFuture.get, edge broken: the producer writes the box after complete.
 * Expected: race on field dev.racecheck.it.edges.RaceCompletableFutureGet$Box.value
 */
public final class RaceCompletableFutureGet {
    static final class Box {
        int value;
    }

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        CompletableFuture<Box> future = new CompletableFuture<>();
        Thread producer = Edges.thread("producer", () -> {
            Box box = new Box();
            future.complete(box);
            box.value = 42; // racy access
        });
        producer.start();
        Box box = future.get();
        Edges.sleep(100);
        System.out.println("RaceCompletableFutureGet: " + box.value); // racy access
        producer.join();
    }
}
