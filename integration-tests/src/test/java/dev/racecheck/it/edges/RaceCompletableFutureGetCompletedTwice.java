package dev.racecheck.it.edges;

import java.util.concurrent.CompletableFuture;

/**
 * No edge: complete(v) of a future that is complete already completes nothing, and a get() that returns the first
 * value is ordered after the first completion only. Main completes the future; the writer writes and completes it
 * again (false); main's get() returns main's value and it reads. (racecheck used to release on every complete().)
 * Expected: race on static field dev.racecheck.it.edges.RaceCompletableFutureGetCompletedTwice.data
 */
public final class RaceCompletableFutureGetCompletedTwice {
    static int data;

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        CompletableFuture<String> future = new CompletableFuture<>();
        future.complete("first");
        Edges.Signal done = new Edges.Signal();
        Thread writer = Edges.thread("writer", () -> {
            data = 42; // racy access
            Edges.check(!future.complete("second"), "the future was complete");
            Edges.check(!future.completeExceptionally(new IllegalStateException()), "the future was complete");
            done.raise();
        });
        writer.start();
        done.await("the writer tried to complete the future");
        Edges.check(future.get().equals("first"), "main's value");
        System.out.println("RaceCompletableFutureGetCompletedTwice: " + data); // racy access
        Edges.awaitEndWithoutEdge(writer);
    }
}
