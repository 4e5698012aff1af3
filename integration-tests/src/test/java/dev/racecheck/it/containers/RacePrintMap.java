package dev.racecheck.it.containers;

import java.util.HashMap;
import java.util.Map;

/**
 * println(map) turns the map into text, while another thread puts into it.
 * Expected: race on java.util.HashMap (HashMap.put vs PrintStream.println)
 */
public final class RacePrintMap {
    public static void main(String[] args) throws Exception {
        Programs.warmUp();
        Map<String, Integer> scores = new HashMap<>(Map.of("ada", 1));
        Thread first = Programs.thread("first", () -> {
            scores.put("bob", 2); // racy access
        });
        Thread second = Programs.thread("second", () -> {
            Programs.sleep(100);
            System.out.println(scores); // racy access
        });
        first.start();
        second.start();
        first.join();
        second.join();
        System.out.println("RacePrintMap: " + "done");
    }
}
