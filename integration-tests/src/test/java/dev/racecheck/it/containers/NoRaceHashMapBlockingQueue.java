package dev.racecheck.it.containers;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A HashMap filled by one thread and handed over through a BlockingQueue: put(x) happens-before the take() that
 * returns x, so the reader sees the whole map. The producer does not touch it afterwards.
 * Expected: no race
 */
public final class NoRaceHashMapBlockingQueue {
    public static void main(String[] args) throws Exception {
        Programs.warmUp();
        BlockingQueue<Map<String, Integer>> handOff = new LinkedBlockingQueue<>();
        Thread producer = Programs.thread("producer", () -> {
            Map<String, Integer> scores = new HashMap<>();
            scores.put("ada", 42);
            scores.put("grace", 41);
            handOff.put(scores);
        });
        producer.start();
        Map<String, Integer> scores = handOff.take();
        System.out.println("NoRaceHashMapBlockingQueue: " + scores.get("ada") + " " + scores.size());
        producer.join();
    }
}
