package dev.racecheck.it.containers;

import java.util.HashMap;
import java.util.Map;

/**
 * removeIf on a HashMap's keySet() removes from the map, while another thread looks a key up.
 * Expected: race on java.util.HashMap (HashMap$KeySet.removeIf vs HashMap.get)
 */
public final class RaceKeySetRemoveIf {
    public static void main(String[] args) throws Exception {
        Programs.warmUp();
        Map<String, Integer> scores = new HashMap<>(Map.of("ada", 1, "bob", 2));
        Integer[] found = new Integer[1];
        Thread first = Programs.thread("first", () -> {
            scores.keySet().removeIf(name -> name.startsWith("b")); // racy access
        });
        Thread second = Programs.thread("second", () -> {
            Programs.sleep(100);
            found[0] = scores.get("ada"); // racy access
        });
        first.start();
        second.start();
        first.join();
        second.join();
        System.out.println("RaceKeySetRemoveIf: " + found[0]);
    }
}
