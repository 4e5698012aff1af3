package dev.racecheck.it.containers;

import java.util.HashMap;
import java.util.Map;

/**
 * A map entry taken from entrySet() before the threads: setValue writes the map's node, another thread reads it with
 * getValue.
 * Expected: race on java.util.HashMap (HashMap$Node.setValue vs HashMap$Node.getValue)
 */
public final class RaceEntrySetValue {
    public static void main(String[] args) throws Exception {
        Programs.warmUp();
        Map<String, Integer> scores = new HashMap<>(Map.of("ada", 1));
        Map.Entry<String, Integer> ada = scores.entrySet().iterator().next();
        Integer[] seen = new Integer[1];
        Thread first = Programs.thread("first", () -> {
            ada.setValue(2); // racy access
        });
        Thread second = Programs.thread("second", () -> {
            Programs.sleep(100);
            seen[0] = ada.getValue(); // racy access
        });
        first.start();
        second.start();
        first.join();
        second.join();
        System.out.println("RaceEntrySetValue: " + seen[0]);
    }
}
