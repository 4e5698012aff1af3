package dev.racecheck.it.containers;

import java.util.HashMap;
import java.util.Map;

/**
 * A HashMap filled before two threads start and only read by them, at the same time: reads do not race with reads.
 * Expected: no race
 */
public final class NoRaceHashMapReads {
    public static void main(String[] args) throws Exception {
        Programs.warmUp();
        Map<String, Integer> scores = new HashMap<>();
        scores.put("ada", 42);
        scores.put("grace", 41);
        int[] seen = new int[2];
        Thread a = Programs.thread("reader-a", () -> {
            for (int i = 0; i < 1000; i++) {
                seen[0] += scores.get("ada") + scores.size();
            }
        });
        Thread b = Programs.thread("reader-b", () -> {
            for (int i = 0; i < 1000; i++) {
                if (scores.containsKey("grace")) {
                    for (int v : scores.values()) {
                        seen[1] += v;
                    }
                }
            }
        });
        a.start();
        b.start();
        a.join();
        b.join();
        System.out.println("NoRaceHashMapReads: " + seen[0] + " " + seen[1] + " " + scores);
    }
}
