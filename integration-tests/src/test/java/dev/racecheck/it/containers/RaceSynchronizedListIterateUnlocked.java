package dev.racecheck.it.containers;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A for-each over a synchronizedList without holding its lock, while another thread adds through the wrapper: the
 * wrapper's iterator is the ArrayList's own, unlocked (its javadoc: the user must synchronize on the list).
 * Expected: race on java.util.ArrayList (Collections$SynchronizedRandomAccessList.add vs Collections$SynchronizedRandomAccessList.iterator)
 */
public final class RaceSynchronizedListIterateUnlocked {
    public static void main(String[] args) throws Exception {
        Programs.warmUp();
        List<String> log = Collections.synchronizedList(new ArrayList<>(List.of("start")));
        int[] length = new int[1];
        Thread reader = Programs.thread("reader", () -> {
            for (String line : log) { // racy access
                length[0] += line.length();
            }
        });
        Thread writer = Programs.thread("writer", () -> {
            Programs.sleep(100);
            log.add("more"); // racy access
        });
        reader.start();
        writer.start();
        reader.join();
        writer.join();
        System.out.println("RaceSynchronizedListIterateUnlocked: " + length[0]);
    }
}
