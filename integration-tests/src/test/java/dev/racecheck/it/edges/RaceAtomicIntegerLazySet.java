package dev.racecheck.it.edges;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * AtomicInteger.lazySet, edge broken: the writer writes after lazySet().
 * Expected: race on static field dev.racecheck.it.edges.RaceAtomicIntegerLazySet.data
 */
public final class RaceAtomicIntegerLazySet {
    static int data;

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        AtomicInteger flag = new AtomicInteger();
        Thread writer = Edges.thread("writer", () -> {
            flag.lazySet(1);
            data = 42; // racy access
        });
        writer.start();
        while (flag.get() == 0) {
            Edges.sleep(1);
        }
        Edges.sleep(100);
        System.out.println("RaceAtomicIntegerLazySet: " + data); // racy access
        writer.join();
    }
}
