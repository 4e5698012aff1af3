package dev.racecheck.it.containers;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A synchronizedSortedMap's headMap, and its keySet(), made and iterated without the map's lock, after another
 * thread's put: both lock the map inside, only to make the views.
 * Expected: race on java.util.TreeMap (Collections$SynchronizedSortedMap.put vs Collections$SynchronizedSet.iterator)
 */
public final class RaceSynchronizedSortedMapHeadMapUnlocked {
    public static void main(String[] args) throws Exception {
        Programs.warmUp();
        SortedMap<String, Integer> scores = Collections.synchronizedSortedMap(new TreeMap<>(java.util.Map.of("ada", 1)));
        int[] length = new int[1];
        Thread writer = Programs.thread("writer", () -> {
            scores.put("alan", 2); // racy access
        });
        Thread reader = Programs.thread("reader", () -> {
            Programs.sleep(100);
            for (String name : scores.headMap("m").keySet()) { // racy access
                length[0] += name.length();
            }
        });
        writer.start();
        reader.start();
        writer.join();
        reader.join();
        System.out.println("RaceSynchronizedSortedMapHeadMapUnlocked: " + length[0]);
    }
}
