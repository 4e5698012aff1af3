package dev.racecheck.it.edges;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * No edge: an await(timeout) that times out (returns false) orders nothing.
 * Expected: race on static field dev.racecheck.it.edges.RaceCountDownLatchAwaitTimedOut.data
 */
public final class RaceCountDownLatchAwaitTimedOut {
    static int data;

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        CountDownLatch done = new CountDownLatch(1);
        Edges.Signal timedOut = new Edges.Signal();
        Thread writer = Edges.thread("writer", () -> {
            data = 42; // racy access
            timedOut.await("main's await(100 ms) returned"); // counts down only then, however slow main is
            done.countDown();
        });
        writer.start();
        Edges.check(!done.await(100, TimeUnit.MILLISECONDS), "await(100 ms) timed out");
        timedOut.raise();
        System.out.println("RaceCountDownLatchAwaitTimedOut: " + data); // racy access
        writer.join();
    }
}
