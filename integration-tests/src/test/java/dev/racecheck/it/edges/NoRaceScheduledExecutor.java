package dev.racecheck.it.edges;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * ScheduledExecutorService.schedule: actions before scheduling a task happen-before the task's actions; the task's
 * actions happen-before get() on its future returns. The worker is started beforehand.
 * Expected: no race
 */
public final class NoRaceScheduledExecutor {
    static int data;
    static int result;

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(1);
        pool.prestartAllCoreThreads();
        pool.schedule(() -> { }, 0, TimeUnit.MILLISECONDS).get(); // warm-up (see Edges)
        Edges.sleep(50);
        data = 21;
        ScheduledFuture<?> done = pool.schedule(() -> {
            result = data * 2;
        }, 50, TimeUnit.MILLISECONDS);
        done.get();
        System.out.println("NoRaceScheduledExecutor: " + result);
        pool.shutdown();
    }
}
