package dev.racecheck.it.edges;

import java.util.concurrent.CompletableFuture;

/**
 * CompletableFuture.thenApply on a completed future: actions before complete(x) happen-before the function, which
 * here runs in main, the thread that adds the stage.
 * Expected: no race
 */
public final class NoRaceCompletableFutureThenApply {
    static final class Box {
        int value;
    }

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        CompletableFuture<Box> source = new CompletableFuture<>();
        Thread producer = Edges.thread("producer", () -> {
            Box box = new Box();
            box.value = 41;
            source.complete(box);
        });
        producer.start();
        Edges.awaitEndWithoutEdge(producer); // source is complete by now
        Thread[] ranOn = new Thread[1];
        int result = source.thenApply(box -> {
            ranOn[0] = Thread.currentThread();
            return box.value + 1;
        }).join();
        Edges.check(ranOn[0] == Thread.currentThread(), "the function ran in main");
        System.out.println("NoRaceCompletableFutureThenApply: " + result);
        producer.join();
    }
}
