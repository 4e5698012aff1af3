package dev.racecheck.it.containers;

import java.util.Collections;
import java.util.Iterator;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * A synchronizedNavigableSet's descendingIterator() without the set's lock, after another thread's add: the method
 * locks the set inside, only to make the descending view; the iteration is the program's to lock.
 * Expected: race on java.util.TreeSet (Collections$SynchronizedNavigableSet.add vs Collections$SynchronizedNavigableSet.descendingIterator)
 */
public final class RaceSynchronizedNavigableSetDescendingIterator {
    public static void main(String[] args) throws Exception {
        Programs.warmUp();
        NavigableSet<String> names = Collections.synchronizedNavigableSet(new TreeSet<>(java.util.List.of("ada")));
        int[] length = new int[1];
        Thread writer = Programs.thread("writer", () -> {
            names.add("alan"); // racy access
        });
        Thread reader = Programs.thread("reader", () -> {
            Programs.sleep(100);
            for (Iterator<String> i = names.descendingIterator(); i.hasNext(); ) { // racy access
                length[0] += i.next().length();
            }
        });
        writer.start();
        reader.start();
        writer.join();
        reader.join();
        System.out.println("RaceSynchronizedNavigableSetDescendingIterator: " + length[0]);
    }
}
