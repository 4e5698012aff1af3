package dev.racecheck.samples;

import java.util.concurrent.CountDownLatch;

/**
 * Sleeping is not waiting: main forgets the latch's await() and reads the worker's result unordered.
 * Expected: race on array element long[0]
 */
public class RaceWaitGroupMissingAwait {
    public static void main(String[] args) throws InterruptedException {
        long[] results = new long[1];
        CountDownLatch done = new CountDownLatch(1);
        Thread worker = new Thread(() -> {
            results[0] = 6 * 7; // racy access
            done.countDown();
        }, "worker-1");
        worker.start();

        // BUG: this should be done.await(). After 100 ms the worker has almost surely finished,
        // so the program prints the right answer, but sleep() creates no happens-before edge:
        // the read below is a data race all the same.
        Thread.sleep(100);
        long answer = results[0]; // racy access
        System.out.println("answer = " + answer);
    }
}
