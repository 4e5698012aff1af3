package dev.racecheck.it.edges;

import java.util.concurrent.CompletableFuture;

/**
 * CompletableFuture.thenCombine: actions before each source completes happen-before the combining function (here
 * run in main, which adds the stage after both completed).
 * Expected: no race
 */
public final class NoRaceCompletableFutureThenCombine {
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
            box.value = 2;
            second.complete(box);
        });
        one.start();
        two.start();
        Edges.awaitEndWithoutEdge(one, two); // both are complete by now
        Thread[] ranOn = new Thread[1];
        int sum = first.thenCombine(second, (a, b) -> {
            ranOn[0] = Thread.currentThread();
            return a.value + b.value;
        }).join();
        Edges.check(ranOn[0] == Thread.currentThread(), "the function ran in main");
        System.out.println("NoRaceCompletableFutureThenCombine: " + sum);
        one.join();
        two.join();
    }
}
