package dev.racecheck.it.edges;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * ExecutorService.invokeAll, edge missing: the tasks of one invokeAll are not ordered with each other.
 * Expected: race on array element int[0]
 */
public final class RaceInvokeAll {
    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        pool.submit(() -> { }).get(); // warm-up (see Edges)
        int[] shared = new int[1];
        String[] ranOn = new String[2];
        // Both tasks running at once, on the pool's two threads (a loaded machine could otherwise run both, one
        // after the other, on one). The latch orders only what comes before it.
        CountDownLatch bothRunning = new CountDownLatch(2);
        List<Callable<Void>> tasks = List.of(() -> {
            ranOn[0] = Thread.currentThread().getName();
            bothRunning.countDown();
            bothRunning.await();
            Edges.sleep(50);
            shared[0] = 42; // racy access
            return null;
        }, () -> {
            ranOn[1] = Thread.currentThread().getName();
            bothRunning.countDown();
            bothRunning.await();
            Edges.sleep(150);
            System.out.println("RaceInvokeAll: " + shared[0]); // racy access
            return null;
        });
        pool.invokeAll(tasks);
        Edges.check(!ranOn[0].equals(ranOn[1]), "the two tasks ran on different worker threads");
        pool.shutdown();
    }
}
