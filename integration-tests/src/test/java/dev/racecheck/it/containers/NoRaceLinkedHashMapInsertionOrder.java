package dev.racecheck.it.containers;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * RaceLinkedHashMapAccessOrder's map in insertion order (the default): get() changes nothing, so two threads may
 * look up at once.
 * Expected: no race
 */
public final class NoRaceLinkedHashMapInsertionOrder {
    public static void main(String[] args) throws Exception {
        Programs.warmUp();
        Map<String, String> cache = new LinkedHashMap<>(16, 0.75f, false);
        cache.put("a", "alpha");
        cache.put("b", "beta");
        String[] found = new String[2];
        Thread a = Programs.thread("reader-a", () -> found[0] = cache.get("a"));
        Thread b = Programs.thread("reader-b", () -> {
            Programs.sleep(100);
            found[1] = cache.get("b");
        });
        a.start();
        b.start();
        a.join();
        b.join();
        System.out.println("NoRaceLinkedHashMapInsertionOrder: " + found[0] + " " + found[1]);
    }
}
