package dev.racecheck.it.containers;

import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;

/**
 * ListIterator.set replaces an element of the ArrayList, while another thread reads it.
 * Expected: race on java.util.ArrayList (ArrayList$ListItr.set vs ArrayList.get)
 */
public final class RaceListIteratorSet {
    public static void main(String[] args) throws Exception {
        Programs.warmUp();
        List<String> names = new ArrayList<>(List.of("ada", "bob"));
        String[] seen = new String[1];
        Thread first = Programs.thread("first", () -> {
            ListIterator<String> it = names.listIterator();
            it.next();
            it.set("eve"); // racy access
        });
        Thread second = Programs.thread("second", () -> {
            Programs.sleep(100);
            seen[0] = names.get(0); // racy access
        });
        first.start();
        second.start();
        first.join();
        second.join();
        System.out.println("RaceListIteratorSet: " + seen[0]);
    }
}
