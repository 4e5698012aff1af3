package dev.racecheck.samples;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The counter from RaceCounter, fixed with an AtomicInteger: the read and the write become one atomic step.
 * Expected: no race
 */
public class NoRaceCounterAtomic {
    private final AtomicInteger value = new AtomicInteger();

    void next() {
        value.incrementAndGet();
    }

    public static void main(String[] args) throws InterruptedException {
        NoRaceCounterAtomic counter = new NoRaceCounterAtomic();
        Thread[] workers = new Thread[3];
        for (int i = 0; i < workers.length; i++) {
            workers[i] = new Thread(counter::next, "worker-" + (i + 1));
            workers[i].start();
        }
        for (Thread w : workers) {
            w.join();
        }
        System.out.println("value = " + counter.value.get());
    }
}
