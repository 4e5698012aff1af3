package dev.racecheck.it.edges;

import java.util.concurrent.CompletableFuture;

/**
 * No edge: adding a stage to a future orders what the adder did before the stage's function (which the completing
 * thread runs), not before every get() of the future. The adder writes and adds thenRun to the future; the completer
 * completes it and runs the function; main's get() returns and main reads what the adder wrote. (racecheck used to
 * release into the future when a stage was added.)
 * Expected: race on static field dev.racecheck.it.edges.RaceCompletableFutureGetStageAdder.data
 */
public final class RaceCompletableFutureGetStageAdder {
    static int data;

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        CompletableFuture.completedFuture(0).thenRun(() -> { }); // warm-up (see Edges)
        CompletableFuture<String> future = new CompletableFuture<>();
        Edges.Signal added = new Edges.Signal();
        Edges.Signal ran = new Edges.Signal();
        Thread adder = Edges.thread("adder", () -> {
            data = 42; // racy access
            future.thenRun(ran::raise);
            added.raise();
        });
        Thread completer = Edges.thread("completer", () -> {
            added.await("the adder added its stage");
            future.complete("done");
        });
        adder.start();
        completer.start();
        // The function has run in the completer: main's get() must not run it (a thread that runs it is ordered
        // after the adder, as the javadoc says).
        ran.await("the completer ran the stage");
        Edges.check(future.get().equals("done"), "completed");
        System.out.println("RaceCompletableFutureGetStageAdder: " + data); // racy access
        Edges.awaitEndWithoutEdge(adder, completer);
    }
}
