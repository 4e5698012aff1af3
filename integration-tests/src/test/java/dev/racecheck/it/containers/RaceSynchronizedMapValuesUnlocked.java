package dev.racecheck.it.containers;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * RaceSynchronizedMapKeySetUnlocked through values(): the values view made and iterated without the map's lock.
 * Expected: race on java.util.HashMap (Collections$SynchronizedMap.put vs Collections$SynchronizedCollection.iterator)
 */
public final class RaceSynchronizedMapValuesUnlocked {
    public static void main(String[] args) throws Exception {
        Programs.warmUp();
        Map<String, Integer> scores = Collections.synchronizedMap(new HashMap<>(Map.of("ada", 1)));
        int[] length = new int[1];
        Thread writer = Programs.thread("writer", () -> {
            scores.put("alan", 2); // racy access
        });
        Thread reader = Programs.thread("reader", () -> {
            Programs.sleep(100);
            for (int score : scores.values()) { // racy access
                length[0] += score;
            }
        });
        writer.start();
        reader.start();
        writer.join();
        reader.join();
        System.out.println("RaceSynchronizedMapValuesUnlocked: " + length[0]);
    }
}
