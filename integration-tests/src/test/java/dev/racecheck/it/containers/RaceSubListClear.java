package dev.racecheck.it.containers;

import java.util.ArrayList;
import java.util.List;

/**
 * subList(0, 2).clear() removes from the ArrayList itself, while another thread asks its size.
 * Expected: race on java.util.ArrayList (ArrayList$SubList.clear vs ArrayList.size)
 */
public final class RaceSubListClear {
    public static void main(String[] args) throws Exception {
        Programs.warmUp();
        List<Integer> values = new ArrayList<>(List.of(1, 2, 3));
        int[] size = new int[1];
        Thread first = Programs.thread("first", () -> {
            values.subList(0, 2).clear(); // racy access
        });
        Thread second = Programs.thread("second", () -> {
            Programs.sleep(100);
            size[0] = values.size(); // racy access
        });
        first.start();
        second.start();
        first.join();
        second.join();
        System.out.println("RaceSubListClear: " + size[0]);
    }
}
