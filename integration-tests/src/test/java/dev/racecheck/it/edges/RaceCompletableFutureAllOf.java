package dev.racecheck.it.edges;

import java.util.concurrent.CompletableFuture;

/**
 * CompletableFuture.allOf, edge broken: the second producer writes after completing its future.
 * Expected: race on field dev.racecheck.it.edges.RaceCompletableFutureAllOf$Box.value
 */
public final class RaceCompletableFutureAllOf {
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
            second.complete(null);
            b.value = 2; // racy access
        });
        Thread one = Edges.thread("one", () -> {
            Edges.awaitEndWithoutEdge(two); // completes last, whatever the schedule (getState() is no edge)
            a.value = 40;
            first.complete(null);
        });
        CompletableFuture<Void> both = CompletableFuture.allOf(first, second);
        one.start();
        two.start();
        both.join(); // two has written by now: one completed after it ended
        System.out.println("RaceCompletableFutureAllOf: " + (a.value + b.value)); // racy access
        one.join();
        two.join();
    }
}
