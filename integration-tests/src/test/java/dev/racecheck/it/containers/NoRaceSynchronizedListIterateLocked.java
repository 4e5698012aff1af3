package dev.racecheck.it.containers;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * RaceSynchronizedListIterateUnlocked as its javadoc asks: the for-each holds the list's lock.
 * Expected: no race
 */
public final class NoRaceSynchronizedListIterateLocked {
    public static void main(String[] args) throws Exception {
        Programs.warmUp();
        List<String> log = Collections.synchronizedList(new ArrayList<>(List.of("start")));
        int[] length = new int[1];
        Thread reader = Programs.thread("reader", () -> {
            synchronized (log) {
                for (String line : log) {
                    length[0] += line.length();
                }
            }
        });
        Thread writer = Programs.thread("writer", () -> {
            Programs.sleep(100);
            log.add("more");
        });
        reader.start();
        writer.start();
        reader.join();
        writer.join();
        System.out.println("NoRaceSynchronizedListIterateLocked: " + length[0]);
    }
}
