package dev.racecheck.it.edges;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * ExecutorService.close() (JDK 19+) waits for every submitted task: their actions happen-before close() returns.
 * (ExecutorService is AutoCloseable from JDK 19; the cast lets this compile with --release 17.)
 * Requires: JDK 19
 * Expected: no race
 */
public final class NoRaceExecutorServiceClose {
    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        int[] results = new int[2];
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (AutoCloseable closing = (AutoCloseable) pool) {
            pool.execute(() -> {
                Edges.sleep(100);
                results[0] = 1;
            });
            pool.execute(() -> {
                Edges.sleep(100);
                results[1] = 2;
            });
        }
        System.out.println("NoRaceExecutorServiceClose: " + results[0] + " " + results[1]);
    }
}
