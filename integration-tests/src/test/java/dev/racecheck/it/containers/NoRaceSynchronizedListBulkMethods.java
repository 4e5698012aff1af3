package dev.racecheck.it.containers;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * RaceSynchronizedListStream's reader with the wrapper's own methods, which lock it: forEach, removeIf, toString,
 * toArray, equals, hashCode, and copies that go through them (new ArrayList<>(list) calls toArray).
 * Expected: no race
 */
public final class NoRaceSynchronizedListBulkMethods {
    public static void main(String[] args) throws Exception {
        Programs.warmUp();
        List<Integer> sizes = Collections.synchronizedList(new ArrayList<>(List.of(1, 2)));
        long[] total = new long[1];
        Thread reader = Programs.thread("reader", () -> {
            sizes.forEach(s -> total[0] += s);
            sizes.removeIf(s -> s > 100);
            total[0] += sizes.toString().length() + sizes.toArray().length + sizes.hashCode();
            total[0] += new ArrayList<>(sizes).size() + (sizes.equals(List.of(1, 2)) ? 1 : 0);
        });
        Thread writer = Programs.thread("writer", () -> {
            Programs.sleep(100);
            sizes.add(3);
        });
        reader.start();
        writer.start();
        reader.join();
        writer.join();
        System.out.println("NoRaceSynchronizedListBulkMethods: " + total[0]);
    }
}
