package dev.racecheck.it.containers;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Two threads copy, join, print and compare containers that main filled before starting them and nobody changes any
 * more: copies only read, and reads never race with each other.
 * Expected: no race
 */
public final class NoRaceCopiesOfReadOnlyShared {
    public static void main(String[] args) throws Exception {
        Programs.warmUp();
        List<String> names = new ArrayList<>(List.of("bob", "ada"));
        Map<String, Integer> scores = new HashMap<>(Map.of("ada", 1, "bob", 2));
        StringBuilder log = new StringBuilder("start");
        Runnable work = () -> {
            List<String> own = new ArrayList<>(names);
            Collections.sort(own);
            own.addAll(scores.keySet());
            Set<Integer> values = new HashSet<>(scores.values());
            Map<String, Integer> sorted = new TreeMap<>(scores);
            int n = own.size() + values.size() + sorted.size() + Collections.max(names).length()
                    + String.join(",", names).length() + List.copyOf(names).size() + Map.copyOf(scores).size()
                    + (names.equals(own) ? 1 : 0) + ("log: " + log).length() + String.valueOf(scores).length();
            if (n < 0) throw new AssertionError();
        };
        Thread a = Programs.thread("a", work::run);
        Thread b = Programs.thread("b", work::run);
        a.start();
        b.start();
        a.join();
        b.join();
        System.out.println("NoRaceCopiesOfReadOnlyShared: " + names.size());
    }
}
