package dev.racecheck.it.containers;

import java.util.ArrayList;
import java.util.List;

/**
 * equals reads the other list, while another thread adds to it.
 * Expected: race on java.util.ArrayList (ArrayList.add vs List.equals)
 */
public final class RaceListEquals {
    public static void main(String[] args) throws Exception {
        Programs.warmUp();
        List<String> shared = new ArrayList<>(List.of("ada"));
        boolean[] same = new boolean[1];
        Thread first = Programs.thread("first", () -> {
            shared.add("bob"); // racy access
        });
        Thread second = Programs.thread("second", () -> {
            Programs.sleep(100);
            same[0] = List.of("ada").equals(shared); // racy access
        });
        first.start();
        second.start();
        first.join();
        second.join();
        System.out.println("RaceListEquals: " + same[0]);
    }
}
