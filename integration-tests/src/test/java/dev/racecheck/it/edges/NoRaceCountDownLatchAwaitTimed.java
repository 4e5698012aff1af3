package dev.racecheck.it.edges;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * CountDownLatch.await(timeout) that returns true (the count reached zero) orders like await().
 * Expected: no race
 */
public final class NoRaceCountDownLatchAwaitTimed {
    static int data;

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        CountDownLatch done = new CountDownLatch(1);
        Thread writer = Edges.thread("writer", () -> {
            data = 42;
            done.countDown();
        });
        writer.start();
        Edges.check(done.await(30, TimeUnit.SECONDS), "the latch opened within 30 s");
        System.out.println("NoRaceCountDownLatchAwaitTimed: " + data);
        writer.join();
    }
}
