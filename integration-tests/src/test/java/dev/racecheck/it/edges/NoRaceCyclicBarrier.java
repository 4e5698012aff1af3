package dev.racecheck.it.edges;

import java.util.concurrent.CyclicBarrier;

/**
 * CyclicBarrier: actions before await() in every party happen-before actions after await() returns in any party.
 * Expected: no race
 */
public final class NoRaceCyclicBarrier {
    static int data;

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        CyclicBarrier barrier = new CyclicBarrier(2);
        Thread writer = Edges.thread("writer", () -> {
            data = 42;
            barrier.await();
        });
        writer.start();
        barrier.await();
        System.out.println("NoRaceCyclicBarrier: " + data);
        writer.join();
    }
}
