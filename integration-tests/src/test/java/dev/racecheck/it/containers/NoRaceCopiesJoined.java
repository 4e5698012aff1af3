package dev.racecheck.it.containers;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The copies, conversions and helpers of the Race programs of this package, made after the writer was joined.
 * Expected: no race
 */
public final class NoRaceCopiesJoined {
    public static void main(String[] args) throws Exception {
        Programs.warmUp();
        List<String> names = new ArrayList<>(List.of("bob", "ada"));
        Map<String, Integer> scores = new HashMap<>(Map.of("ada", 1));
        StringBuilder log = new StringBuilder("start");
        Thread writer = Programs.thread("writer", () -> {
            names.add("cy");
            Collections.sort(names);
            scores.put("bob", 2);
            log.append(";more");
        });
        writer.start();
        writer.join();
        List<String> own = new ArrayList<>();
        own.addAll(names);
        int n = new ArrayList<>(names).size() + Collections.max(names).length() + String.join(",", names).length()
                + own.size() + Map.copyOf(scores).size() + (List.of("ada").equals(names) ? 1 : 0) + names.get(0).length();
        String line = "log: " + log;
        System.out.println(scores);
        System.out.println("NoRaceCopiesJoined: " + n + " " + line);
    }
}
