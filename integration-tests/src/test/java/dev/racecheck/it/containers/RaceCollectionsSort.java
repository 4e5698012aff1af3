package dev.racecheck.it.containers;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Collections.sort writes the list it sorts, while another thread reads it.
 * Expected: race on java.util.ArrayList (Collections.sort vs ArrayList.get)
 */
public final class RaceCollectionsSort {
    public static void main(String[] args) throws Exception {
        Programs.warmUp();
        List<String> names = new ArrayList<>(List.of("bob", "ada"));
        String[] seen = new String[1];
        Thread first = Programs.thread("first", () -> {
            Collections.sort(names); // racy access
        });
        Thread second = Programs.thread("second", () -> {
            Programs.sleep(100);
            seen[0] = names.get(0); // racy access
        });
        first.start();
        second.start();
        first.join();
        second.join();
        System.out.println("RaceCollectionsSort: " + seen[0]);
    }
}
