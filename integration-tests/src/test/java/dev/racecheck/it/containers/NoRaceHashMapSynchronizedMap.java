package dev.racecheck.it.containers;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * The HashMap of RaceHashMap behind Collections.synchronizedMap: the program calls the wrapper, which locks itself
 * around the HashMap's methods (the HashMap itself is only used inside the JDK).
 * Expected: no race
 */
public final class NoRaceHashMapSynchronizedMap {
    public static void main(String[] args) throws Exception {
        Programs.warmUp();
        Map<String, Integer> scores = Collections.synchronizedMap(new HashMap<>());
        Thread writer = Programs.thread("writer", () -> scores.put("ada", 42));
        writer.start();
        Programs.sleep(100);
        Integer score = scores.get("ada");
        writer.join();
        System.out.println("NoRaceHashMapSynchronizedMap: " + score);
    }
}
