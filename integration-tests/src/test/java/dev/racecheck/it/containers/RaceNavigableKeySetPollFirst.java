package dev.racecheck.it.containers;

import java.util.Map;
import java.util.TreeMap;

/**
 * pollFirst on a TreeMap's navigableKeySet() removes the first mapping, while another thread asks the size.
 * Expected: race on java.util.TreeMap (TreeMap$KeySet.pollFirst vs TreeMap.size)
 */
public final class RaceNavigableKeySetPollFirst {
    public static void main(String[] args) throws Exception {
        Programs.warmUp();
        TreeMap<String, Integer> index = new TreeMap<>(Map.of("a", 1, "z", 26));
        int[] size = new int[1];
        Thread first = Programs.thread("first", () -> {
            index.navigableKeySet().pollFirst(); // racy access
        });
        Thread second = Programs.thread("second", () -> {
            Programs.sleep(100);
            size[0] = index.size(); // racy access
        });
        first.start();
        second.start();
        first.join();
        second.join();
        System.out.println("RaceNavigableKeySetPollFirst: " + size[0]);
    }
}
