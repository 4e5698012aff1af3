package dev.racecheck.it.containers;

import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * A TreeMap updated by one thread while another looks a key up: a rebalancing can hide the key or loop forever.
 * Expected: race on java.util.TreeMap (TreeMap.put vs TreeMap.ceilingKey)
 */
public final class RaceTreeMap {
    public static void main(String[] args) throws Exception {
        Programs.warmUp();
        NavigableMap<Integer, String> schedule = new TreeMap<>();
        schedule.put(10, "ten");
        Thread writer = Programs.thread("writer", () -> schedule.put(5, "five")); // racy access
        writer.start();
        Programs.sleep(100);
        Integer next = schedule.ceilingKey(3); // racy access
        writer.join();
        System.out.println("RaceTreeMap: " + next);
    }
}
