package dev.racecheck.it.edges;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * ScheduledExecutorService.schedule, edge broken: main writes after scheduling the task.
 * Expected: race on static field dev.racecheck.it.edges.RaceScheduledExecutor.data
 */
public final class RaceScheduledExecutor {
    static int data;

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(1);
        pool.prestartAllCoreThreads();
        pool.schedule(() -> { }, 0, TimeUnit.MILLISECONDS).get(); // warm-up (see Edges)
        Edges.sleep(50);
        ScheduledFuture<?> done = pool.schedule(() -> {
            System.out.println("RaceScheduledExecutor: " + data); // racy access
        }, 100, TimeUnit.MILLISECONDS);
        data = 42; // racy access
        done.get();
        pool.shutdown();
    }
}
