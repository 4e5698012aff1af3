package dev.racecheck.it.containers;

import java.util.HashMap;
import java.util.Map;

/**
 * The HashMap of RaceHashMap, both calls under one lock.
 * Expected: no race
 */
public final class NoRaceHashMapLocked {
    public static void main(String[] args) throws Exception {
        Programs.warmUp();
        Map<String, Integer> scores = new HashMap<>();
        Object lock = new Object();
        Thread writer = Programs.thread("writer", () -> {
            synchronized (lock) {
                scores.put("ada", 42);
            }
        });
        writer.start();
        Programs.sleep(100);
        Integer score;
        synchronized (lock) {
            score = scores.get("ada");
        }
        writer.join();
        System.out.println("NoRaceHashMapLocked: " + score);
    }
}
