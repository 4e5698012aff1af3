package dev.racecheck.it.containers;

import java.util.List;
import java.util.TreeSet;

/**
 * remove through tailSet() removes from the TreeSet (a set over a view of the set's own map), while another thread
 * asks for the last element.
 * Expected: race on java.util.TreeSet (TreeSet.remove vs TreeSet.last)
 */
public final class RaceTreeSetTailSetRemove {
    public static void main(String[] args) throws Exception {
        Programs.warmUp();
        TreeSet<Integer> ids = new TreeSet<>(List.of(1, 2, 3, 4));
        int[] last = new int[1];
        Thread first = Programs.thread("first", () -> {
            ids.tailSet(2).remove(3); // racy access
        });
        Thread second = Programs.thread("second", () -> {
            Programs.sleep(100);
            last[0] = ids.last(); // racy access
        });
        first.start();
        second.start();
        first.join();
        second.join();
        System.out.println("RaceTreeSetTailSetRemove: " + last[0]);
    }
}
