package dev.racecheck.it.containers;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Every view, iterator and entry operation of the Race programs of this package, made by a worker that main then
 * joins before it reads the containers: join orders them all.
 * Expected: no race
 */
public final class NoRaceViewsJoined {
    public static void main(String[] args) throws Exception {
        Programs.warmUp();
        List<String> queue = new ArrayList<>(List.of("a", "b", "c"));
        Iterator<String> it = queue.iterator();
        Map<String, Integer> scores = new HashMap<>(Map.of("ada", 1, "bob", 2));
        Map.Entry<String, Integer> ada = null;
        for (Map.Entry<String, Integer> e : scores.entrySet()) {
            if (e.getKey().equals("ada")) ada = e;
        }
        Map.Entry<String, Integer> entry = ada;
        TreeMap<String, Integer> index = new TreeMap<>(Map.of("a", 1, "z", 26));
        Set<Integer> ids = new HashSet<>(List.of(1, 2));
        Iterator<Integer> idIterator = ids.iterator();
        TreeSet<Integer> sorted = new TreeSet<>(List.of(1, 2, 3, 4));
        List<String> view = Collections.unmodifiableList(queue);
        int[] sum = new int[1];
        Thread worker = Programs.thread("worker", () -> {
            it.next();
            it.remove();
            scores.keySet().removeIf(name -> name.startsWith("b"));
            entry.setValue(5);
            queue.subList(0, 1).clear();
            index.subMap("a", "m").put("c", 3);
            index.navigableKeySet().pollFirst();
            sum[0] += idIterator.next();
            ids.add(3);
            sorted.tailSet(2).remove(3);
            ListIterator<String> li = queue.listIterator();
            li.next();
            li.set("eve");
            queue.add("fay");
        });
        worker.start();
        worker.join();
        sum[0] += scores.get("ada") + entry.getValue() + queue.size() + (index.containsKey("c") ? 1 : 0)
                + index.size() + ids.size() + sorted.last() + view.get(0).length();
        for (Map.Entry<String, Integer> e : scores.entrySet()) {
            sum[0] += e.getValue();
        }
        System.out.println("NoRaceViewsJoined: " + sum[0]);
    }
}
