package dev.racecheck.it.containers;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * An iterator made before the threads removes through itself while another thread reads the list: the iterator's
 * remove() writes its ArrayList.
 * Expected: race on java.util.ArrayList (ArrayList$Itr.remove vs ArrayList.get)
 */
public final class RaceIteratorRemove {
    public static void main(String[] args) throws Exception {
        Programs.warmUp();
        List<String> queue = new ArrayList<>(List.of("a", "b"));
        Iterator<String> it = queue.iterator();
        String[] head = new String[1];
        Thread first = Programs.thread("first", () -> {
            it.next();
            it.remove(); // racy access
        });
        Thread second = Programs.thread("second", () -> {
            Programs.sleep(100);
            head[0] = queue.get(0); // racy access
        });
        first.start();
        second.start();
        first.join();
        second.join();
        System.out.println("RaceIteratorRemove: " + head[0]);
    }
}
