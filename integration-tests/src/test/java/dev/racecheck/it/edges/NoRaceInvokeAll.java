package dev.racecheck.it.edges;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadPoolExecutor;

/**
 * ExecutorService.invokeAll: actions before the call happen-before every task; every task's actions happen-before
 * invokeAll returns.
 * Expected: no race
 */
public final class NoRaceInvokeAll {
    static int input;

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        ThreadPoolExecutor pool = (ThreadPoolExecutor) Executors.newFixedThreadPool(2);
        pool.prestartAllCoreThreads(); // so that Thread.start orders nothing below
        pool.submit(() -> { }).get(); // warm-up (see Edges)
        Edges.sleep(50);
        int[] results = new int[2];
        input = 21;
        List<Callable<Void>> tasks = List.of(() -> {
            Edges.sleep(50); // invokeAll waits for this one in get(); the other one is done by then
            results[0] = input;
            return null;
        }, () -> {
            results[1] = input * 2;
            return null;
        });
        pool.invokeAll(tasks);
        System.out.println("NoRaceInvokeAll: " + results[0] + " " + results[1]);
        pool.shutdown();
    }
}
