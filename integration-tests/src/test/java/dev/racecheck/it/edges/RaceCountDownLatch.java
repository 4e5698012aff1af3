package dev.racecheck.it.edges;

import java.util.concurrent.CountDownLatch;

/**
 * CountDownLatch, edge broken: the writer writes after countDown().
 * Expected: race on static field dev.racecheck.it.edges.RaceCountDownLatch.data
 */
public final class RaceCountDownLatch {
    static int data;

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        CountDownLatch done = new CountDownLatch(1);
        Thread writer = Edges.thread("writer", () -> {
            done.countDown();
            data = 42; // racy access
        });
        writer.start();
        done.await();
        Edges.sleep(100);
        System.out.println("RaceCountDownLatch: " + data); // racy access
        writer.join();
    }
}
