package dev.racecheck.it.edges;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveTask;

/**
 * ForkJoinPool.invoke and submit: actions before submitting a task happen-before its actions, which happen-before
 * invoke() or the task's join()/get() returns. The single worker is started (by a first task) beforehand.
 * Expected: no race
 */
public final class NoRaceForkJoinPool {
    static int input;
    static int output;

    static final class Task extends RecursiveTask<Integer> {
        @Override
        protected Integer compute() {
            output = input * 2;
            return output;
        }
    }

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        ForkJoinPool pool = new ForkJoinPool(1);
        pool.submit(() -> { }).get(); // starts the worker
        Edges.sleep(50);
        input = 21;
        pool.invoke(new Task());
        System.out.println("NoRaceForkJoinPool: invoke " + output);
        input = 50;
        pool.submit(new Task()).get();
        System.out.println("NoRaceForkJoinPool: submit " + output);
        pool.shutdown();
    }
}
