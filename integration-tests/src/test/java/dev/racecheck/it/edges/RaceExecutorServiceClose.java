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
        ExecutorService pool = Executors.newFixedThreadPool(2);
        pool.execute(() -> {
            Edges.sleep(100);
            results[0] = 1;
        });
        pool.execute(() -> {
            Edges.sleep(100);
            results[1] = 2; // racy access
        });
        pool.shutdown();
        Edges.sleep(400);
        System.out.println("RaceExecutorServiceClose: " + results[1]); // racy access
    }
}
