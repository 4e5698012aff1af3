package dev.racecheck.it.containers;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * RaceSynchronizedMapKeySetUnlocked through entrySet(): the entry set made and iterated without the map's lock.
 * Expected: race on java.util.HashMap (Collections$SynchronizedMap.put vs Collections$SynchronizedSet.iterator)
 */
public final class RaceSynchronizedMapEntrySetUnlocked {
    public static void main(String[] args) throws Exception {
        Programs.warmUp();
        Map<String, Integer> scores = Collections.synchronizedMap(new HashMap<>(Map.of("ada", 1)));
        int[] length = new int[1];
        Thread writer = Programs.thread("writer", () -> {
            scores.put("alan", 2); // racy access
        });
        Thread reader = Programs.thread("reader", () -> {
            Programs.sleep(100);
            for (Map.Entry<String, Integer> e : scores.entrySet()) { // racy access
                length[0] += e.getKey().length();
            }
        });
        writer.start();
        reader.start();
        writer.join();
        reader.join();
        System.out.println("RaceSynchronizedMapEntrySetUnlocked: " + length[0]);
    }
}
