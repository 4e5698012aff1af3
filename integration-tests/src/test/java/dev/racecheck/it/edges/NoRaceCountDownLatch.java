package dev.racecheck.it.edges;

import java.util.concurrent.CountDownLatch;

/**
 * CountDownLatch: actions before countDown() happen-before actions after await() returns.
 * Expected: no race
 */
public final class NoRaceCountDownLatch {
    static int data;

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        CountDownLatch done = new CountDownLatch(1);
        Thread writer = Edges.thread("writer", () -> {
            data = 42;
            done.countDown();
        });
        writer.start();
        done.await();
        System.out.println("NoRaceCountDownLatch: " + data);
        writer.join();
    }
}
