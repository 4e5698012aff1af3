package dev.racecheck.it.containers;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Iterating a synchronizedMap's keySet() while holding the view's monitor, not the map's: the view's mutex is the map,
 * so the lock taken orders nothing with the puts.
 * Expected: race on java.util.HashMap (Collections$SynchronizedMap.put vs Collections$SynchronizedSet.iterator)
 */
public final class RaceSynchronizedMapKeySetLockedOnView {
    public static void main(String[] args) throws Exception {
        Programs.warmUp();
        Map<String, Integer> scores = Collections.synchronizedMap(new HashMap<>(Map.of("ada", 1)));
        Set<String> names = scores.keySet();
        int[] length = new int[1];
        Thread reader = Programs.thread("reader", () -> {
            synchronized (names) {
                for (String name : names) { // racy access
                    length[0] += name.length();
                }
            }
        });
        Thread writer = Programs.thread("writer", () -> {
            Programs.sleep(100);
            scores.put("alan", 2); // racy access
        });
        reader.start();
        writer.start();
        reader.join();
        writer.join();
        System.out.println("RaceSynchronizedMapKeySetLockedOnView: " + length[0]);
    }
}
