package dev.racecheck.it.containers;

import java.util.ArrayList;
import java.util.List;

/**
 * String.join walks the list, while another thread adds to it.
 * Expected: race on java.util.ArrayList (ArrayList.add vs String.join)
 */
public final class RaceStringJoin {
    public static void main(String[] args) throws Exception {
        Programs.warmUp();
        List<String> names = new ArrayList<>(List.of("ada"));
        String[] line = new String[1];
        Thread first = Programs.thread("first", () -> {
            names.add("bob"); // racy access
        });
        Thread second = Programs.thread("second", () -> {
            Programs.sleep(100);
            line[0] = String.join(",", names); // racy access
        });
        first.start();
        second.start();
        first.join();
        second.join();
        System.out.println("RaceStringJoin: " + line[0]);
    }
}
