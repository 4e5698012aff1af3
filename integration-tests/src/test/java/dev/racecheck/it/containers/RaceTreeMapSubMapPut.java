package dev.racecheck.it.containers;

import java.util.Map;
import java.util.TreeMap;

/**
 * A put through subMap() puts into the TreeMap, while another thread looks the key up.
 * Expected: race on java.util.TreeMap (TreeMap$AscendingSubMap.put vs TreeMap.containsKey)
 */
public final class RaceTreeMapSubMapPut {
    public static void main(String[] args) throws Exception {
        Programs.warmUp();
        TreeMap<String, Integer> index = new TreeMap<>(Map.of("a", 1, "z", 26));
        boolean[] found = new boolean[1];
        Thread first = Programs.thread("first", () -> {
            index.subMap("a", "m").put("c", 3); // racy access
        });
        Thread second = Programs.thread("second", () -> {
            Programs.sleep(100);
            found[0] = index.containsKey("c"); // racy access
        });
        first.start();
        second.start();
        first.join();
        second.join();
        System.out.println("RaceTreeMapSubMapPut: " + found[0]);
    }
}
