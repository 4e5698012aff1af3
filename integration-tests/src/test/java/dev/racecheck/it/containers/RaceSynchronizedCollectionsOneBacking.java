package dev.racecheck.it.containers;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * Two synchronizedCollection wrappers over one ArrayList: each has its own mutex, so the two threads' adds, each made
 * under its own wrapper's lock, are not ordered.
 * Expected: race on java.util.ArrayList (Collections$SynchronizedCollection.add vs Collections$SynchronizedCollection.add)
 */
public final class RaceSynchronizedCollectionsOneBacking {
    public static void main(String[] args) throws Exception {
        Programs.warmUp();
        List<String> backing = new ArrayList<>();
        Collection<String> left = Collections.synchronizedCollection(backing);
        Collection<String> right = Collections.synchronizedCollection(backing);
        Thread a = Programs.thread("left", () -> left.add("a")); // racy access
        Thread b = Programs.thread("right", () -> {
            Programs.sleep(100);
            right.add("b"); // racy access
        });
        a.start();
        b.start();
        a.join();
        b.join();
        System.out.println("RaceSynchronizedCollectionsOneBacking: " + backing.size());
    }
}
