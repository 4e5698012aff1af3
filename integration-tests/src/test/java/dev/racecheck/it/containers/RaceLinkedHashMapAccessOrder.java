package dev.racecheck.it.containers;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A LinkedHashMap in access order (the usual LRU cache) read by two threads: its get() moves the entry it finds to
 * the end of the map's list, so two lookups at once can break the list. In such a map a lookup is a write.
 * Expected: race on java.util.LinkedHashMap (LinkedHashMap.get vs LinkedHashMap.get)
 */
public final class RaceLinkedHashMapAccessOrder {
    public static void main(String[] args) throws Exception {
        Programs.warmUp();
        Map<String, String> cache = new LinkedHashMap<>(16, 0.75f, true);
        cache.put("a", "alpha");
        cache.put("b", "beta");
        String[] found = new String[2];
        Thread a = Programs.thread("reader-a", () -> found[0] = cache.get("a")); // racy access
        Thread b = Programs.thread("reader-b", () -> {
            Programs.sleep(100);
            found[1] = cache.get("b"); // racy access
        });
        a.start();
        b.start();
        a.join();
        b.join();
        System.out.println("RaceLinkedHashMapAccessOrder: " + found[0] + " " + found[1]);
    }
}
