package dev.racecheck.it.containers;

import java.util.ArrayList;
import java.util.List;

/**
 * Two threads add to one ArrayList: an add can be lost, or the list's size run past its array.
 * Expected: race on java.util.ArrayList (ArrayList.add vs ArrayList.add)
 */
public final class RaceArrayList {
    public static void main(String[] args) throws Exception {
        Programs.warmUp();
        List<String> log = new ArrayList<>();
        Thread a = Programs.thread("logger-a", () -> log.add("a")); // racy access
        Thread b = Programs.thread("logger-b", () -> {
            Programs.sleep(100);
            log.add("b"); // racy access
        });
        a.start();
        b.start();
        a.join();
        b.join();
        System.out.println("RaceArrayList: " + log.size());
    }
}
