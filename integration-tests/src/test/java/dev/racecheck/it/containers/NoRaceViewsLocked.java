package dev.racecheck.it.containers;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * View, iterator and entry writes in one thread and reads in another, all under one monitor; the reader runs after
 * the writer, or before it: the lock orders them either way.
 * Expected: no race
 */
public final class NoRaceViewsLocked {
    private static final Object LOCK = new Object();

    public static void main(String[] args) throws Exception {
        Programs.warmUp();
        Map<String, Integer> scores = new HashMap<>(Map.of("ada", 1, "bob", 2));
        List<Integer> values = new ArrayList<>(List.of(1, 2, 3));
        TreeMap<String, Integer> index = new TreeMap<>(Map.of("a", 1, "z", 26));
        int[] sum = new int[1];
        Thread writer = Programs.thread("writer", () -> {
            synchronized (LOCK) {
                for (Map.Entry<String, Integer> e : scores.entrySet()) {
                    e.setValue(e.getValue() + 1);
                }
                scores.keySet().removeIf(name -> name.startsWith("b"));
                Iterator<Integer> it = values.iterator();
                it.next();
                it.remove();
                values.subList(0, 1).clear();
                index.headMap("m").clear();
            }
        });
        Thread reader = Programs.thread("reader", () -> {
            Programs.sleep(100);
            synchronized (LOCK) {
                for (Map.Entry<String, Integer> e : scores.entrySet()) {
                    sum[0] += e.getValue();
                }
                for (int v : values) {
                    sum[0] += v;
                }
                sum[0] += index.size() + index.descendingMap().size();
            }
        });
        writer.start();
        reader.start();
        writer.join();
        reader.join();
        System.out.println("NoRaceViewsLocked: " + sum[0]);
    }
}
