package dev.racecheck.it.containers;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * stream() of a synchronizedList without its lock (the javadoc: the user must synchronize on the list), while another
 * thread adds.
 * Expected: race on java.util.ArrayList (Collections$SynchronizedRandomAccessList.add vs Collections$SynchronizedRandomAccessList.stream)
 */
public final class RaceSynchronizedListStream {
    public static void main(String[] args) throws Exception {
        Programs.warmUp();
        List<Integer> sizes = Collections.synchronizedList(new ArrayList<>(List.of(1, 2)));
        long[] total = new long[1];
        Thread reader = Programs.thread("reader", () -> {
            total[0] = sizes.stream().mapToInt(Integer::intValue).sum(); // racy access
        });
        Thread writer = Programs.thread("writer", () -> {
            Programs.sleep(100);
            sizes.add(3); // racy access
        });
        reader.start();
        writer.start();
        reader.join();
        writer.join();
        System.out.println("RaceSynchronizedListStream: " + total[0]);
    }
}
