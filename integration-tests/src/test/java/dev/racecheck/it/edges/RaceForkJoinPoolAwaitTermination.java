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
        Edges.Signal[] started = {new Edges.Signal(), new Edges.Signal()};
        for (int i = 0; i < 2; i++) {
            int k = i;
            pool.execute(() -> {
                started[k].raise();
                Edges.sleep(100);
                parts[k] = k * 100L + 1; // racy access
            });
        }
        pool.shutdown();
        // Both tasks run (a worker that registered only after main's awaitTermination below would be ordered after
        // main by the pool's registration lock, which awaitTermination waits on).
        started[0].await("the first task runs");
        started[1].await("the second task runs");
        System.out.println("RaceForkJoinPoolAwaitTermination: " + parts[1]); // racy access
        pool.awaitTermination(30, TimeUnit.SECONDS);
    }
}
