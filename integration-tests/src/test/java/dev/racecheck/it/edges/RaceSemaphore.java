package dev.racecheck.it.edges;

import java.util.concurrent.Semaphore;

/**
 * Semaphore, edge broken: the writer writes after release().
 * Expected: race on static field dev.racecheck.it.edges.RaceSemaphore.data
 */
public final class RaceSemaphore {
    static int data;

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        Semaphore permits = new Semaphore(0);
        Thread writer = Edges.thread("writer", () -> {
            permits.release();
            data = 42; // racy access
        });
        writer.start();
        permits.acquire();
        Edges.sleep(100);
        System.out.println("RaceSemaphore: " + data); // racy access
        writer.join();
    }
}
