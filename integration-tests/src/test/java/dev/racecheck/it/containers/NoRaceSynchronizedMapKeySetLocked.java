package dev.racecheck.it.containers;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * RaceSynchronizedMapKeySetLockedOnView holding the map's monitor, as synchronizedMap's javadoc asks; the values() and
 * entrySet() views too, and an entry's setValue under the lock.
 * Expected: no race
 */
public final class NoRaceSynchronizedMapKeySetLocked {
    public static void main(String[] args) throws Exception {
        Programs.warmUp();
        Map<String, Integer> scores = Collections.synchronizedMap(new HashMap<>(Map.of("ada", 1)));
        Set<String> names = scores.keySet();
        int[] length = new int[1];
        Thread reader = Programs.thread("reader", () -> {
            synchronized (scores) {
                for (String name : names) {
                    length[0] += name.length();
                }
                for (int score : scores.values()) {
                    length[0] += score;
                }
                for (Map.Entry<String, Integer> e : scores.entrySet()) {
                    e.setValue(e.getValue() + 1);
                }
            }
        });
        Thread writer = Programs.thread("writer", () -> {
            Programs.sleep(100);
            scores.put("alan", 2);
        });
        reader.start();
        writer.start();
        reader.join();
        writer.join();
        System.out.println("NoRaceSynchronizedMapKeySetLocked: " + length[0]);
    }
}
