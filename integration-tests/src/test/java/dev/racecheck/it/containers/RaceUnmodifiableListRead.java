package dev.racecheck.it.containers;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An unmodifiable view, made before the threads, read while another thread adds to the list behind it.
 * Expected: race on java.util.ArrayList (ArrayList.add vs Collections$UnmodifiableRandomAccessList.get)
 */
public final class RaceUnmodifiableListRead {
    public static void main(String[] args) throws Exception {
        Programs.warmUp();
        List<String> names = new ArrayList<>(List.of("ada"));
        List<String> view = Collections.unmodifiableList(names);
        String[] seen = new String[1];
        Thread first = Programs.thread("first", () -> {
            names.add("bob"); // racy access
        });
        Thread second = Programs.thread("second", () -> {
            Programs.sleep(100);
            seen[0] = view.get(0); // racy access
        });
        first.start();
        second.start();
        first.join();
        second.join();
        System.out.println("RaceUnmodifiableListRead: " + seen[0]);
    }
}
