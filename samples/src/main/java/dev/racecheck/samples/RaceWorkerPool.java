package dev.racecheck.samples;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Tasks of a worker pool run on different threads, so a plain counter they all increment is a race.
 * Expected: race on static field dev.racecheck.samples.RaceWorkerPool.completed
 */
public class RaceWorkerPool {
    static int completed; // BUG: shared by every task, neither atomic nor guarded by a lock

    public static void main(String[] args) throws Exception {
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(4,
                r -> new Thread(r, "pool-worker-" + threadNumber.incrementAndGet()));
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                futures.add(pool.submit(() -> {
                    completed++; // racy access
                }));
            }
            for (Future<?> f : futures) {
                f.get(); // orders every task before main's read below, but not the tasks among themselves
            }
            System.out.println("completed = " + completed + " (8 unless an increment was lost)");
        } finally {
            pool.shutdown();
        }
    }
}
