package dev.racecheck.it.edges;

import java.util.concurrent.CountDownLatch;

/**
 * No edge: countDown() of a latch already at zero does nothing (its javadoc). Main counts the latch down to zero; the
 * writer writes and counts down again; main's await() returns and it reads. (racecheck used to release on every
 * countDown().)
 * Expected: race on static field dev.racecheck.it.edges.RaceCountDownLatchAfterZero.data
 */
public final class RaceCountDownLatchAfterZero {
    static int data;

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        CountDownLatch latch = new CountDownLatch(1);
        latch.countDown();
        Edges.Signal done = new Edges.Signal();
        Thread writer = Edges.thread("writer", () -> {
            data = 42; // racy access
            latch.countDown();
            done.raise();
        });
        writer.start();
        done.await("the writer counted down");
        latch.await();
        System.out.println("RaceCountDownLatchAfterZero: " + data); // racy access
        Edges.awaitEndWithoutEdge(writer);
    }
}
