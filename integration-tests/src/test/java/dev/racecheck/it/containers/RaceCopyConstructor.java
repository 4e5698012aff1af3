package dev.racecheck.it.containers;

import java.util.ArrayList;
import java.util.List;

/**
 * new ArrayList<>(shared) reads the list it copies, while another thread adds to it.
 * Expected: race on java.util.ArrayList (ArrayList.add vs ArrayList.<init>)
 */
public final class RaceCopyConstructor {
    public static void main(String[] args) throws Exception {
        Programs.warmUp();
        List<String> shared = new ArrayList<>(List.of("a"));
        int[] size = new int[1];
        Thread first = Programs.thread("first", () -> {
            shared.add("b"); // racy access
        });
        Thread second = Programs.thread("second", () -> {
            Programs.sleep(100);
            size[0] = new ArrayList<>(shared).size(); // racy access
        });
        first.start();
        second.start();
        first.join();
        second.join();
        System.out.println("RaceCopyConstructor: " + size[0]);
    }
}
