package dev.racecheck.it.containers;

import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * A HashSet's iterator, made before the threads, walks the set while another thread removes from it (an element it
 * does not hold: the set does not change, but remove writes it). The iterator is its inner map's key iterator: the
 * set's state is that map's.
 * Expected: race on java.util.HashSet (HashMap$KeyIterator.next vs HashSet.remove)
 */
public final class RaceHashSetIterator {
    public static void main(String[] args) throws Exception {
        Programs.warmUp();
        Set<Integer> ids = new HashSet<>(List.of(1, 2));
        Iterator<Integer> it = ids.iterator();
        int[] sum = new int[1];
        Thread first = Programs.thread("first", () -> {
            sum[0] += it.next(); // racy access
        });
        Thread second = Programs.thread("second", () -> {
            Programs.sleep(100);
            ids.remove(99); // racy access
        });
        first.start();
        second.start();
        first.join();
        second.join();
        System.out.println("RaceHashSetIterator: " + sum[0]);
    }
}
