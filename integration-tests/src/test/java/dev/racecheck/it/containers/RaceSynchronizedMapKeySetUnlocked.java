package dev.racecheck.it.containers;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * A synchronizedMap's keySet() made and iterated without the map's lock, after another thread's put: keySet() locks
 * the map inside, but only to make the view (its javadoc: the view "needn't be" made holding the lock, the
 * iteration must be), so the put is not ordered before the iteration.
 * Expected: race on java.util.HashMap (Collections$SynchronizedMap.put vs Collections$SynchronizedSet.iterator)
 */
public final class RaceSynchronizedMapKeySetUnlocked {
    public static void main(String[] args) throws Exception {
        Programs.warmUp();
        Map<String, Integer> scores = Collections.synchronizedMap(new HashMap<>(Map.of("ada", 1)));
        int[] length = new int[1];
        Thread writer = Programs.thread("writer", () -> {
            scores.put("alan", 2); // racy access
        });
        Thread reader = Programs.thread("reader", () -> {
            Programs.sleep(100);
            for (String name : scores.keySet()) { // racy access
                length[0] += name.length();
            }
        });
        writer.start();
        reader.start();
        writer.join();
        reader.join();
        System.out.println("RaceSynchronizedMapKeySetUnlocked: " + length[0]);
    }
}
