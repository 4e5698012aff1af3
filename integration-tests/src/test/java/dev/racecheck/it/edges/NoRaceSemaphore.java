package dev.racecheck.it.edges;

import java.util.concurrent.Semaphore;

/**
 * Semaphore: actions before release() happen-before actions after a successful acquire().
 * Expected: no race
 */
public final class NoRaceSemaphore {
    static int data;

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        Semaphore permits = new Semaphore(0);
        Thread writer = Edges.thread("writer", () -> {
            data = 42;
            permits.release();
        });
        writer.start();
        permits.acquire();
        System.out.println("NoRaceSemaphore: " + data);
        writer.join();
    }
}
