package dev.racecheck.it.containers;

import java.util.ArrayDeque;
import java.util.Queue;

/**
 * The work queue of RaceArrayDeque guarded by its own monitor, the consumer waiting for work.
 * Expected: no race
 */
public final class NoRaceArrayDequeLocked {
    public static void main(String[] args) throws Exception {
        Programs.warmUp();
        Queue<String> work = new ArrayDeque<>();
        Thread producer = Programs.thread("producer", () -> {
            synchronized (work) {
                work.offer("job");
                work.notifyAll();
            }
        });
        producer.start();
        String job;
        synchronized (work) {
            while (work.isEmpty()) {
                work.wait();
            }
            job = work.poll();
        }
        producer.join();
        System.out.println("NoRaceArrayDequeLocked: " + job);
    }
}
