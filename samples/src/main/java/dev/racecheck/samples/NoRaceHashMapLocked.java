package dev.racecheck.samples;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The word count from RaceHashMap, fixed with a lock around every use of the map. A ConcurrentHashMap, or a map per
 * thread merged after join, would do as well.
 * Expected: no race
 */
public class NoRaceHashMapLocked {
    private final Map<String, Integer> counts = new HashMap<>();

    void count(String text) {
        for (String word : text.split(" ")) {
            // Unlocking a monitor happens before every later lock of the same monitor.
            synchronized (counts) {
                counts.merge(word, 1, Integer::sum);
            }
        }
    }

    public static void main(String[] args) throws InterruptedException {
        NoRaceHashMapLocked words = new NoRaceHashMapLocked();
        Thread a = new Thread(() -> words.count("the cat sat on the mat"), "counter-1");
        Thread b = new Thread(() -> words.count("the dog sat on the log"), "counter-2");
        a.start();
        b.start();
        a.join();
        b.join();
        System.out.println("counts = " + new TreeMap<>(words.counts));
    }
}
