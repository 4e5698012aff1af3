package dev.racecheck.it.containers;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * One keySet() view of a synchronizedMap, made once, iterated by two threads that each then put, every iteration
 * and put holding the map's lock: the threads are ordered by the map's monitor, whichever goes first.
 * Expected: no race
 */
public final class NoRaceSynchronizedViewSharedLocked {
    public static void main(String[] args) throws Exception {
        Programs.warmUp();
        Map<String, Integer> scores = Collections.synchronizedMap(new HashMap<>(Map.of("ada", 1)));
        Set<String> names = scores.keySet();
        int[] lengths = new int[2];
        Thread first = Programs.thread("first", () -> {
            synchronized (scores) {
                for (String name : names) {
                    lengths[0] += name.length();
                }
                scores.put("alan", 2);
            }
        });
        Thread second = Programs.thread("second", () -> {
            Programs.sleep(100);
            synchronized (scores) {
                for (String name : names) {
                    lengths[1] += name.length();
                }
                scores.put("grace", 3);
            }
        });
        first.start();
        second.start();
        first.join();
        second.join();
        System.out.println("NoRaceSynchronizedViewSharedLocked: " + (lengths[0] + lengths[1]));
    }
}
