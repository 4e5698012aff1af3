package dev.racecheck.it.edges;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadPoolExecutor;

/**
 * ExecutorService.invokeAny: actions before the call happen-before the tasks; the actions of the task whose result
 * is returned happen-before invokeAny returns.
 * Expected: no race
 */
public final class NoRaceInvokeAny {
    static int input;
    static int data;

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        ThreadPoolExecutor pool = (ThreadPoolExecutor) Executors.newFixedThreadPool(1);
        pool.prestartAllCoreThreads(); // so that Thread.start orders nothing below
        pool.submit(() -> { }).get(); // warm-up (see Edges)
        Edges.sleep(50);
        input = 21;
        List<Callable<String>> tasks = List.of(() -> {
            data = input * 2;
            return "done";
        });
        String result = pool.invokeAny(tasks);
        System.out.println("NoRaceInvokeAny: " + result + " " + data);
        pool.shutdown();
    }
}
