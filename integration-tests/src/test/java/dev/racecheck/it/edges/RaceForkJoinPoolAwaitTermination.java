package dev.racecheck.it.edges;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;

/**
 * ForkJoinPool termination, edge removed: shutdown() does not wait for the tasks; reading before
 * awaitTermination() races with them.
 * Expected: race on array element long[1]
 */
public final class RaceForkJoinPoolAwaitTermination {
    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        long[] parts = new long[2];
        ForkJoinPool pool = new ForkJoinPool(2);
        for (int i = 0; i < 2; i++) {
            int k = i;
            pool.execute(() -> {
                Edges.sleep(100);
                parts[k] = k * 100L + 1; // racy access
            });
        }
        pool.shutdown();
        Edges.sleep(400);
        System.out.println("RaceForkJoinPoolAwaitTermination: " + parts[1]); // racy access
        pool.awaitTermination(30, TimeUnit.SECONDS);
    }
}
