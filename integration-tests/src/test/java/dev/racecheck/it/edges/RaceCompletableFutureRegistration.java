package dev.racecheck.it.edges;

import java.util.concurrent.CompletableFuture;

/**
 * CompletableFuture dependent stage added before completion, edge broken: main writes after adding the stage.
 * Expected: race on field dev.racecheck.it.edges.RaceCompletableFutureRegistration$Box.value
 */
public final class RaceCompletableFutureRegistration {
    static final class Box {
        int value;
    }

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        CompletableFuture<String> warm = new CompletableFuture<>(); // warm-up (see Edges): the same calls, in main
        warm.thenApply(String::length);
        warm.complete("warm-up");
        CompletableFuture<String> source = new CompletableFuture<>();
        Edges.Signal added = new Edges.Signal();
        Thread completer = Edges.thread("completer", () -> {
            // Completes only once thenApply has returned in main, the stage added and the source still incomplete:
            // the function then runs here, in every schedule.
            added.await("main added the stage");
            source.complete("go");
        });
        completer.start();
        Box box = new Box();
        Thread[] ranOn = new Thread[1];
        CompletableFuture<Integer> result = source.thenApply(go -> {
            ranOn[0] = Thread.currentThread();
            return box.value; // racy access
        });
        added.raise();
        box.value = 42; // racy access
        System.out.println("RaceCompletableFutureRegistration: " + result.join());
        Edges.check(ranOn[0] == completer, "the function ran in the completing thread");
        completer.join();
    }
}
