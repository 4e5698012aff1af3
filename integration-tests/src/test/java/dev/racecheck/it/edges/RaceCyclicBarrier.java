package dev.racecheck.it.edges;

import java.util.concurrent.CyclicBarrier;

/**
 * CyclicBarrier, edge broken: the writer writes after await().
 * Expected: race on static field dev.racecheck.it.edges.RaceCyclicBarrier.data
 */
public final class RaceCyclicBarrier {
    static int data;

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        CyclicBarrier barrier = new CyclicBarrier(2);
        Thread writer = Edges.thread("writer", () -> {
            barrier.await();
            data = 42; // racy access
        });
        writer.start();
        barrier.await();
        Edges.sleep(100);
        System.out.println("RaceCyclicBarrier: " + data); // racy access
        writer.join();
    }
}
