package dev.racecheck.it.predict;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A pool task: x = 1; sync(M) {}. main: future.get(); sync(M) {}; x = 2. get() orders. Data-race free.
 * Expected: no race
 */
public class NoPredictExecutorFuture {
    static final Object M = new Object();
    static int x;

    public static void main(String[] args) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Future<?> f = pool.submit(() -> {
            x = 1;
            synchronized (M) {
            }
        });
        f.get();
        synchronized (M) {
        }
        x = 2;
        pool.shutdown();
        System.out.println("x=" + x);
    }
}
