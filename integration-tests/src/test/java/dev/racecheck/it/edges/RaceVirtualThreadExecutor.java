package dev.racecheck.it.edges;

import java.util.concurrent.ExecutorService;

/**
 * newVirtualThreadPerTaskExecutor, edge missing: two tasks (two virtual threads) are not ordered with each other.
 * Requires: JDK 21
 * Expected: race on static field dev.racecheck.it.edges.RaceVirtualThreadExecutor.data
 */
public final class RaceVirtualThreadExecutor {
    static int data;

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        ExecutorService executor = Edges.newVirtualThreadPerTaskExecutor();
        try (AutoCloseable closing = (AutoCloseable) executor) {
            executor.execute(() -> {
                data = 42; // racy access
            });
            executor.execute(() -> {
                Edges.sleep(100);
                System.out.println("RaceVirtualThreadExecutor: " + data); // racy access
            });
        }
    }
}
