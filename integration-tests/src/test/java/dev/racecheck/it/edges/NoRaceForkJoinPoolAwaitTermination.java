package dev.racecheck.it.edges;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;

/**
 * ForkJoinPool.shutdown() + awaitTermination() returning true: every task's actions happen-before it returns. Four
 * runnables given to execute() (which wraps them in tasks) run on the pool's two workers.
 * Expected: no race
 */
public final class NoRaceForkJoinPoolAwaitTermination {
    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        Set<String> ranOn = ConcurrentHashMap.newKeySet();
        ranOn.add("warm-up"); // first use of the set's table, in main
        long[] parts = new long[4];
        ForkJoinPool pool = new ForkJoinPool(2);
        pool.execute(() -> Edges.sleep(50)); // starts both workers, so that the tasks below spread over them
        pool.execute(() -> Edges.sleep(50));
        Edges.sleep(200);
        for (int i = 0; i < 4; i++) {
            int k = i;
            pool.execute(() -> {
                ranOn.add(Thread.currentThread().getName());
                Edges.sleep(150);
                parts[k] = k * 100L;
            });
        }
        pool.shutdown();
        Edges.check(pool.awaitTermination(30, TimeUnit.SECONDS), "the pool terminated");
        Edges.check(ranOn.size() == 3, "the tasks ran on both workers");
        System.out.println("NoRaceForkJoinPoolAwaitTermination: " + (parts[0] + parts[1] + parts[2] + parts[3]));
    }
}
