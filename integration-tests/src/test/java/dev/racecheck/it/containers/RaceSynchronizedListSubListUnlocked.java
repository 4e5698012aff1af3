package dev.racecheck.it.containers;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A synchronizedList's subList made and iterated without the list's lock, after another thread's set: subList
 * locks the list inside, only to make the view.
 * Expected: race on java.util.ArrayList (Collections$SynchronizedRandomAccessList.set vs Collections$SynchronizedRandomAccessList.iterator)
 */
public final class RaceSynchronizedListSubListUnlocked {
    public static void main(String[] args) throws Exception {
        Programs.warmUp();
        List<Integer> counts = Collections.synchronizedList(new ArrayList<>(List.of(1, 2, 3)));
        int[] length = new int[1];
        Thread writer = Programs.thread("writer", () -> {
            counts.set(0, 5); // racy access
        });
        Thread reader = Programs.thread("reader", () -> {
            Programs.sleep(100);
            for (int count : counts.subList(0, 2)) { // racy access
                length[0] += count;
            }
        });
        writer.start();
        reader.start();
        writer.join();
        reader.join();
        System.out.println("RaceSynchronizedListSubListUnlocked: " + length[0]);
    }
}
