package dev.racecheck.samples;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The select sample, fixed: on the time-out branch main does not touch the worker's summary; it reads it only after
 * receiving on the results channel, whose send follows the write (a send happens-before the receive it pairs with,
 * in Go and for a BlockingQueue). After a time-out it keeps selecting until the result arrives.
 *
 * <p>Expected: no race
 */
public class NoRaceSelect {
    static String summary = "none yet";

    public static void main(String[] args) throws InterruptedException {
        BlockingQueue<String> results = new ArrayBlockingQueue<>(1);
        BlockingQueue<String> timeouts = new ArrayBlockingQueue<>(1);
        Thread worker = new Thread(() -> {
            RaceSelect.sleep(300);
            summary = "42 pages";
            results.offer("done");
        }, "worker");
        Thread timer = new Thread(() -> timeouts.offer("timeout"), "timer");
        worker.start();
        timer.start();
        boolean timedOut = false;
        while (true) {
            if (results.poll() != null) {
                System.out.println("result: " + summary);
                break;
            }
            if (!timedOut && timeouts.poll() != null) {
                timedOut = true; // a status line could say "still waiting"; the summary is not read here
            }
            Thread.onSpinWait();
        }
        worker.join();
    }
}
