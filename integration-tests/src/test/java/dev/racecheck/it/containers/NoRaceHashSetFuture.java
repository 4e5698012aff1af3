package dev.racecheck.it.containers;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * RaceHashSet with the check submitted only once the add's Future has returned: the task happens-before get(), and
 * get() happens-before the next submission.
 * Expected: no race
 */
public final class NoRaceHashSetFuture {
    public static void main(String[] args) throws Exception {
        Programs.warmUp();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        pool.submit(() -> { }).get(); // warm-up (see Programs)
        Set<Integer> seen = new HashSet<>();
        Future<Boolean> added = pool.submit(() -> seen.add(7));
        boolean wasNew = added.get();
        Future<Boolean> checked = pool.submit(() -> seen.contains(7));
        System.out.println("NoRaceHashSetFuture: " + wasNew + " " + checked.get());
        pool.shutdown();
    }
}
