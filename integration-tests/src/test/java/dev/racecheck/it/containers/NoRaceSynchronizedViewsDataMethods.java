package dev.racecheck.it.containers;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Synchronized wrappers' views made after another thread's writes and used, without the program's lock, only through
 * their data methods (contains, size, get, first...): each locks the wrapper's mutex, as the wrapper's own do.
 * Expected: no race
 */
public final class NoRaceSynchronizedViewsDataMethods {
    public static void main(String[] args) throws Exception {
        Programs.warmUp();
        Map<String, Integer> scores = Collections.synchronizedMap(new HashMap<>(Map.of("ada", 1)));
        List<Integer> counts = Collections.synchronizedList(new ArrayList<>(List.of(1, 2, 3)));
        SortedMap<String, Integer> ranks = Collections.synchronizedSortedMap(new TreeMap<>(Map.of("ada", 1)));
        NavigableSet<String> names = Collections.synchronizedNavigableSet(new TreeSet<>(List.of("ada")));
        int[] length = new int[1];
        Thread writer = Programs.thread("writer", () -> {
            scores.put("alan", 2);
            counts.set(0, 5);
            ranks.put("alan", 2);
            names.add("alan");
        });
        Thread reader = Programs.thread("reader", () -> {
            Programs.sleep(100);
            length[0] += scores.keySet().contains("alan") ? 1 : 0;
            length[0] += scores.values().size();
            length[0] += scores.entrySet().isEmpty() ? 0 : 1;
            length[0] += counts.subList(0, 2).get(0);
            length[0] += ranks.headMap("m").size();
            length[0] += ranks.tailMap("a").get("alan");
            length[0] += names.descendingSet().first().length();
            length[0] += names.headSet("b").size();
        });
        writer.start();
        reader.start();
        writer.join();
        reader.join();
        System.out.println("NoRaceSynchronizedViewsDataMethods: " + length[0]);
    }
}
