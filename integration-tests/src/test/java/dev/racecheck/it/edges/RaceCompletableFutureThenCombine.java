package dev.racecheck.it.edges;

import java.util.concurrent.CompletableFuture;

/**
 * CompletableFuture.thenCombine, edge broken: the second producer writes after completing its future.
 * Expected: race on field dev.racecheck.it.edges.RaceCompletableFutureThenCombine$Box.value
 */
public final class RaceCompletableFutureThenCombine {
    static final class Box {
        int value;
    }

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        CompletableFuture<Box> first = new CompletableFuture<>();
        CompletableFuture<Box> second = new CompletableFuture<>();
        Thread one = Edges.thread("one", () -> {
            Box box = new Box();
            box.value = 40;
            first.complete(box);
        });
        Thread two = Edges.thread("two", () -> {
            Box box = new Box();
            second.complete(box);
            box.value = 2; // racy access
        });
        one.start();
        two.start();
        Edges.awaitEndWithoutEdge(one, two); // both are complete by now
        Thread[] ranOn = new Thread[1];
        int sum = first.thenCombine(second, (a, b) -> {
            ranOn[0] = Thread.currentThread();
            return a.value + b.value; // racy access
        }).join();
        Edges.check(ranOn[0] == Thread.currentThread(), "the function ran in main");
        System.out.println("RaceCompletableFutureThenCombine: " + sum);
        one.join();
        two.join();
    }
}
