package dev.racecheck.it.edges;

import java.util.concurrent.CompletableFuture;

/**
 * CompletableFuture.allOf: actions before every source completes happen-before join() on allOf returns (the boxes
 * are read directly, not through the sources' join()).
 * Expected: no race
 */
public final class NoRaceCompletableFutureAllOf {
    static final class Box {
        int value;
    }

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        Box a = new Box();
        Box b = new Box();
        CompletableFuture<Void> first = new CompletableFuture<>();
        CompletableFuture<Void> second = new CompletableFuture<>();
        Thread two = Edges.thread("two", () -> {
            b.value = 2;
            second.complete(null);
        });
        Thread one = Edges.thread("one", () -> {
            Edges.awaitEndWithoutEdge(two); // completes last, whatever the schedule (getState() is no edge)
            a.value = 40;
            first.complete(null);
        });
        CompletableFuture<Void> both = CompletableFuture.allOf(first, second);
        one.start();
        two.start();
        both.join();
        System.out.println("NoRaceCompletableFutureAllOf: " + (a.value + b.value));
        one.join();
        two.join();
    }
}
