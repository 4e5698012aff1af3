package dev.racecheck.it.edges;

import java.util.concurrent.CompletableFuture;

/**
 * CompletableFuture.thenApply, edge broken: the producer writes after complete(x).
 * Expected: race on field dev.racecheck.it.edges.RaceCompletableFutureThenApply$Box.value
 */
public final class RaceCompletableFutureThenApply {
    static final class Box {
        int value;
    }

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        CompletableFuture<Box> source = new CompletableFuture<>();
        Thread producer = Edges.thread("producer", () -> {
            Box box = new Box();
            source.complete(box);
            box.value = 41; // racy access
        });
        producer.start();
        Edges.awaitEndWithoutEdge(producer); // source is complete by now
        Thread[] ranOn = new Thread[1];
        int result = source.thenApply(box -> {
            ranOn[0] = Thread.currentThread();
            return box.value + 1; // racy access
        }).join();
        Edges.check(ranOn[0] == Thread.currentThread(), "the function ran in main");
        System.out.println("RaceCompletableFutureThenApply: " + result);
        producer.join();
    }
}
