package dev.racecheck.it.edges;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveTask;

/**
 * ForkJoinPool, edge removed: execute() without join(); main reads the task's result field after a sleep.
 * Expected: race on static field dev.racecheck.it.edges.RaceForkJoinPool.output
 */
public final class RaceForkJoinPool {
    static int output;

    static final class Task extends RecursiveTask<Integer> {
        @Override
        protected Integer compute() {
            output = 42; // racy access
            return 42;
        }
    }

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        ForkJoinPool pool = new ForkJoinPool(1);
        pool.execute(new Task());
        Edges.sleep(100);
        System.out.println("RaceForkJoinPool: " + output); // racy access
        pool.shutdown();
    }
}
