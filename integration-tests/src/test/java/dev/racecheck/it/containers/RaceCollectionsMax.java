package dev.racecheck.it.containers;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Collections.max reads the collection, while another thread adds to it.
 * Expected: race on java.util.ArrayList (ArrayList.add vs Collections.max)
 */
public final class RaceCollectionsMax {
    public static void main(String[] args) throws Exception {
        Programs.warmUp();
        List<Integer> sizes = new ArrayList<>(List.of(1, 2));
        int[] max = new int[1];
        Thread first = Programs.thread("first", () -> {
            sizes.add(3); // racy access
        });
        Thread second = Programs.thread("second", () -> {
            Programs.sleep(100);
            max[0] = Collections.max(sizes); // racy access
        });
        first.start();
        second.start();
        first.join();
        second.join();
        System.out.println("RaceCollectionsMax: " + max[0]);
    }
}
