package dev.racecheck.it.containers;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A set of seen ids shared by two pool tasks: one adds while the other checks.
 * Expected: race on java.util.HashSet (HashSet.add vs HashSet.contains)
 */
public final class RaceHashSet {
    public static void main(String[] args) throws Exception {
        Programs.warmUp();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        pool.submit(() -> { }).get(); // warm-up (see Programs)
        Set<Integer> seen = new HashSet<>();
        var added = pool.submit(() -> {
            boolean isNew = seen.add(7); // racy access
            Programs.sleep(300); // keeps this worker busy: the other one takes the next task
            return isNew;
        });
        var checked = pool.submit(() -> {
            Programs.sleep(100);
            return seen.contains(7); // racy access
        });
        System.out.println("RaceHashSet: " + added.get() + " " + checked.get());
        pool.shutdown();
    }
}
