package dev.racecheck.it.containers;

import java.util.HashMap;
import java.util.Map;

/**
 * A HashMap written by one thread and read by another with nothing in between: Go's "concurrent map read and map
 * write". The sleep orders the two calls in time only.
 * Expected: race on java.util.HashMap (HashMap.put vs HashMap.get)
 */
public final class RaceHashMap {
    public static void main(String[] args) throws Exception {
        Programs.warmUp();
        Map<String, Integer> scores = new HashMap<>();
        Thread writer = Programs.thread("writer", () -> scores.put("ada", 42)); // racy access
        writer.start();
        Programs.sleep(100);
        Integer score = scores.get("ada"); // racy access
        writer.join();
        System.out.println("RaceHashMap: " + score);
    }
}
