package dev.racecheck.it.containers;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * A synchronizedMap's keySet() made after another thread's put, then iterated holding the view's monitor, not the
 * map's: neither the lock keySet() takes inside nor the view's monitor orders the put before the iteration.
 * Expected: race on java.util.HashMap (Collections$SynchronizedMap.put vs Collections$SynchronizedSet.iterator)
 */
public final class RaceSynchronizedMapKeySetMadeLateLockedOnView {
    public static void main(String[] args) throws Exception {
        Programs.warmUp();
        Map<String, Integer> scores = Collections.synchronizedMap(new HashMap<>(Map.of("ada", 1)));
        int[] length = new int[1];
        Thread writer = Programs.thread("writer", () -> {
            scores.put("alan", 2); // racy access
        });
        Thread reader = Programs.thread("reader", () -> {
            Programs.sleep(100);
            Set<String> names = scores.keySet();
            synchronized (names) {
                for (String name : names) { // racy access
                    length[0] += name.length();
                }
            }
        });
        writer.start();
        reader.start();
        writer.join();
        reader.join();
        System.out.println("RaceSynchronizedMapKeySetMadeLateLockedOnView: " + length[0]);
    }
}
