package dev.racecheck.samples;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Two threads count words into one HashMap. A HashMap is not made for that: two updates at once can lose entries or
 * break its table (Go stops such a program with "concurrent map writes"). racecheck reports the race on the map
 * itself, naming both calls, with the program's lines below them.
 * Expected: race on java.util.HashMap (HashMap.merge vs HashMap.merge)
 */
public class RaceHashMap {
    private final Map<String, Integer> counts = new HashMap<>();

    void count(String text) {
        for (String word : text.split(" ")) {
            counts.merge(word, 1, Integer::sum); // racy access
        }
    }

    public static void main(String[] args) throws InterruptedException {
        RaceHashMap words = new RaceHashMap();
        Thread a = new Thread(() -> words.count("the cat sat on the mat"), "counter-1");
        Thread b = new Thread(() -> words.count("the dog sat on the log"), "counter-2");
        a.start();
        b.start();
        a.join();
        b.join();
        System.out.println("counts = " + new TreeMap<>(words.counts) + " (the=4 unless an update was lost)");
    }
}
