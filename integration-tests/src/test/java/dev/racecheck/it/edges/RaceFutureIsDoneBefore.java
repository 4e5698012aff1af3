package dev.racecheck.it.edges;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * FutureTask.isDone(), edge removed: main reads what the task wrote before it sees isDone() return true.
 * Expected: race on static field dev.racecheck.it.edges.RaceFutureIsDoneBefore.data
 */
public final class RaceFutureIsDoneBefore {
    static int data;

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        ExecutorService pool = Executors.newFixedThreadPool(1);
        pool.submit(() -> { }).get(); // warm-up (see Edges)
        Future<?> done = pool.submit(() -> {
            data = 42; // racy access
        });
        Edges.sleep(100);
        System.out.println("RaceFutureIsDoneBefore: " + data); // racy access
        while (!done.isDone()) {
            Thread.onSpinWait();
        }
        pool.shutdown();
    }
}
