package dev.racecheck.it.containers;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The Race*Unlocked programs of synchronized wrappers' views done as the javadoc asks: the views (keySet(), values(),
 * entrySet(), subList, headMap, descendingIterator) made after another thread's writes without the lock ("needn't
 * be in synchronized block"), and iterated holding the wrapper's lock (the map's, not the view's).
 * Expected: no race
 */
public final class NoRaceSynchronizedViewsIterateLocked {
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
            Set<String> keys = scores.keySet();
            synchronized (scores) {
                for (String name : keys) {
                    length[0] += name.length();
                }
                for (int score : scores.values()) {
                    length[0] += score;
                }
                for (Map.Entry<String, Integer> e : scores.entrySet()) {
                    e.setValue(e.getValue() + 1);
                }
            }
            List<Integer> head = counts.subList(0, 2);
            synchronized (counts) {
                for (int count : head) {
                    length[0] += count;
                }
            }
            Set<String> early = ranks.headMap("m").keySet();
            synchronized (ranks) {
                for (String name : early) {
                    length[0] += name.length();
                }
            }
            synchronized (names) {
                for (Iterator<String> i = names.descendingIterator(); i.hasNext(); ) {
                    length[0] += i.next().length();
                }
            }
        });
        writer.start();
        reader.start();
        writer.join();
        reader.join();
        System.out.println("NoRaceSynchronizedViewsIterateLocked: " + length[0]);
    }
}
