package dev.racecheck.it.containers;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Two threads each change the views of containers of their own, and both only read the views and entries of a map
 * that main filled before starting them: reads of one container never race with each other.
 * Expected: no race
 */
public final class NoRaceViewsOfOwnContainers {
    public static void main(String[] args) throws Exception {
        Programs.warmUp();
        Map<String, Integer> shared = new HashMap<>(Map.of("ada", 1, "bob", 2));
        Runnable work = () -> {
            Map<String, Integer> own = new HashMap<>(shared);
            for (Map.Entry<String, Integer> e : own.entrySet()) {
                e.setValue(e.getValue() * 2);
            }
            own.keySet().removeIf(name -> name.startsWith("a"));
            List<String> names = new ArrayList<>(shared.keySet());
            names.subList(0, 1).clear();
            int sum = own.size() + names.size();
            for (Map.Entry<String, Integer> e : shared.entrySet()) {
                sum += e.getKey().length() + e.getValue();
            }
            for (String name : shared.keySet()) {
                sum += name.length();
            }
            sum += String.join(",", shared.keySet()).length() + new ArrayList<>(shared.values()).size();
            if (sum < 0) throw new AssertionError();
        };
        Thread a = Programs.thread("a", work::run);
        Thread b = Programs.thread("b", work::run);
        a.start();
        b.start();
        a.join();
        b.join();
        System.out.println("NoRaceViewsOfOwnContainers: " + shared.size());
    }
}
