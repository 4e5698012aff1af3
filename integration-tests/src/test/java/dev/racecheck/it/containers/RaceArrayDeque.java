package dev.racecheck.it.containers;

import java.util.ArrayDeque;
import java.util.Queue;

/**
 * An ArrayDeque used as a work queue between two threads without a lock (a BlockingQueue is the tool for this).
 * Expected: race on java.util.ArrayDeque (ArrayDeque.offer vs ArrayDeque.poll)
 */
public final class RaceArrayDeque {
    public static void main(String[] args) throws Exception {
        Programs.warmUp();
        Queue<String> work = new ArrayDeque<>();
        Thread producer = Programs.thread("producer", () -> work.offer("job")); // racy access
        producer.start();
        Programs.sleep(100);
        String job = work.poll(); // racy access
        producer.join();
        System.out.println("RaceArrayDeque: " + job);
    }
}
