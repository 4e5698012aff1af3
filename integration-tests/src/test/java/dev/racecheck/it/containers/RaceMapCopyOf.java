package dev.racecheck.it.containers;

import java.util.HashMap;
import java.util.Map;

/**
 * Map.copyOf reads the map, while another thread puts into it.
 * Expected: race on java.util.HashMap (HashMap.put vs Map.copyOf)
 */
public final class RaceMapCopyOf {
    public static void main(String[] args) throws Exception {
        Programs.warmUp();
        Map<String, Integer> scores = new HashMap<>(Map.of("ada", 1));
        int[] size = new int[1];
        Thread first = Programs.thread("first", () -> {
            scores.put("bob", 2); // racy access
        });
        Thread second = Programs.thread("second", () -> {
            Programs.sleep(100);
            size[0] = Map.copyOf(scores).size(); // racy access
        });
        first.start();
        second.start();
        first.join();
        second.join();
        System.out.println("RaceMapCopyOf: " + size[0]);
    }
}
