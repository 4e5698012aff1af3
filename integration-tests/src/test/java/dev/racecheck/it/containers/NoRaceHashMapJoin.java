package dev.racecheck.it.containers;

import java.util.HashMap;
import java.util.Map;

/**
 * The HashMap of RaceHashMap, read only after join: everything the writer did happens-before.
 * Expected: no race
 */
public final class NoRaceHashMapJoin {
    public static void main(String[] args) throws Exception {
        Programs.warmUp();
        Map<String, Integer> scores = new HashMap<>();
        Thread writer = Programs.thread("writer", () -> scores.put("ada", 42));
        writer.start();
        writer.join();
        System.out.println("NoRaceHashMapJoin: " + scores.get("ada"));
    }
}
