package dev.racecheck.it.containers;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * RaceHashMap with a ConcurrentHashMap: it is made for this, so its calls are no races.
 * Expected: no race
 */
public final class NoRaceConcurrentHashMap {
    public static void main(String[] args) throws Exception {
        Programs.warmUp();
        Map<String, Integer> scores = new ConcurrentHashMap<>();
        Thread writer = Programs.thread("writer", () -> scores.put("ada", 42));
        writer.start();
        Programs.sleep(100);
        Integer score = scores.get("ada");
        scores.merge("ada", 1, Integer::sum);
        writer.join();
        System.out.println("NoRaceConcurrentHashMap: " + score);
    }
}
