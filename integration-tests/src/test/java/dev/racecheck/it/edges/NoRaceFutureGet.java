package dev.racecheck.it.edges;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Future.get: the task's actions happen-before actions after get() returns.
 * Expected: no race
 */
public final class NoRaceFutureGet {
    static int data;

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        ExecutorService pool = Executors.newFixedThreadPool(1);
        pool.submit(() -> { }).get(); // warm-up (see Edges)
        Future<?> done = pool.submit(() -> {
            data = 42;
        });
        done.get();
        System.out.println("NoRaceFutureGet: " + data);
        pool.shutdown();
    }
}
