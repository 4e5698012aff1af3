package dev.racecheck.it.edges;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * ExecutorService.close(), edge removed: shutdown() does not wait for the tasks, and orders nothing after them.
 * Requires: JDK 19
 * Expected: race on array element int[1]
 */
public final class RaceExecutorServiceClose {
    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        int[] results = new int[2];
        Edges.Signal shutDown = new Edges.Signal();
        Edges.Signal written = new Edges.Signal();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        // The tasks write only once shutdown() has returned, however slow main is: a worker done before would exit
        // during shutdown(), which reads the pool's state that the exiting worker updates (an edge).
        pool.execute(() -> {
            shutDown.await("shutdown() returned");
            results[0] = 1;
        });
        pool.execute(() -> {
            shutDown.await("shutdown() returned");
            results[1] = 2; // racy access
            written.raise();
        });
        pool.shutdown();
        shutDown.raise();
        written.await("the second task wrote");
        System.out.println("RaceExecutorServiceClose: " + results[1]); // racy access
    }
}
