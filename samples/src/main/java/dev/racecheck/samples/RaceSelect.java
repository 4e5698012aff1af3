package dev.racecheck.samples;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Go's select, in Java: main waits on two channels at once, polling two BlockingQueues in turn: a worker's result,
 * or a timer's time-out. The worker writes its summary and then sends on the results channel; the timer fires
 * first. On the time-out branch main prints the summary anyway, but nothing orders the worker's write before that
 * read: receiving from one channel tells you nothing about what the sender on the other did.
 *
 * <p>Expected: race on static field dev.racecheck.samples.RaceSelect.summary
 */
public class RaceSelect {
    static String summary = "none yet";

    public static void main(String[] args) throws InterruptedException {
        BlockingQueue<String> results = new ArrayBlockingQueue<>(1);
        BlockingQueue<String> timeouts = new ArrayBlockingQueue<>(1);
        Thread worker = new Thread(() -> {
            sleep(1000); // a slow computation: the timer fires long before
            summary = "42 pages"; // racy access
            results.offer("done");
        }, "worker");
        Thread timer = new Thread(() -> timeouts.offer("timeout"), "timer");
        worker.start();
        timer.start();
        while (true) { // select { case <-results: ... case <-timeouts: ... }
            if (results.poll() != null) {
                System.out.println("result: " + summary);
                break;
            }
            if (timeouts.poll() != null) {
                System.out.println("timed out; partial result: " + summary); // racy access
                break;
            }
            Thread.onSpinWait();
        }
        worker.join();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
