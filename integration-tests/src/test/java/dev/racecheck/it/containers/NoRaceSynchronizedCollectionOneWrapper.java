package dev.racecheck.it.containers;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * RaceSynchronizedCollectionsOneBacking with one wrapper shared by both threads: one mutex orders the adds.
 * Expected: no race
 */
public final class NoRaceSynchronizedCollectionOneWrapper {
    public static void main(String[] args) throws Exception {
        Programs.warmUp();
        List<String> backing = new ArrayList<>();
        Collection<String> shared = Collections.synchronizedCollection(backing);
        Thread a = Programs.thread("left", () -> shared.add("a"));
        Thread b = Programs.thread("right", () -> {
            Programs.sleep(100);
            shared.add("b");
        });
        a.start();
        b.start();
        a.join();
        b.join();
        System.out.println("NoRaceSynchronizedCollectionOneWrapper: " + backing.size());
    }
}
