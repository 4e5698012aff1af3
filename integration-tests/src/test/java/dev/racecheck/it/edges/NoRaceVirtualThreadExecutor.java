package dev.racecheck.it.edges;

import java.util.concurrent.ExecutorService;

/**
 * newVirtualThreadPerTaskExecutor in try-with-resources (JDK 21+): submission happens-before each task; close()
 * waits for every task, whose actions happen-before it returns.
 * Requires: JDK 21
 * Expected: no race
 */
public final class NoRaceVirtualThreadExecutor {
    static int input;

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        int[] results = new int[2];
        input = 21;
        ExecutorService executor = Edges.newVirtualThreadPerTaskExecutor();
        try (AutoCloseable closing = (AutoCloseable) executor) {
            executor.execute(() -> results[0] = input);
            executor.execute(() -> {
                Edges.sleep(50);
                results[1] = input * 2;
            });
        }
        System.out.println("NoRaceVirtualThreadExecutor: " + results[0] + " " + results[1]);
    }
}
