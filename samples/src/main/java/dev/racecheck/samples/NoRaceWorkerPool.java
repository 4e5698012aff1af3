package dev.racecheck.samples;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A worker pool returns results through Futures: submit() orders the task after the submitter, get() orders it before the caller.
 * Expected: no race
 */
public class NoRaceWorkerPool {
    public static void main(String[] args) throws Exception {
        int[] inputs = {1, 2, 3, 4, 5, 6, 7, 8}; // written before submit(), so every task may read it
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(3,
                r -> new Thread(r, "pool-worker-" + threadNumber.incrementAndGet()));
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (int i = 0; i < inputs.length; i++) {
                int index = i;
                futures.add(pool.submit(() -> inputs[index] * inputs[index]));
            }
            int sum = 0;
            for (Future<Integer> f : futures) {
                sum += f.get(); // the task's work happens before get() returns its result
            }
            System.out.println("sum of squares = " + sum);
        } finally {
            pool.shutdown();
        }
    }
}
