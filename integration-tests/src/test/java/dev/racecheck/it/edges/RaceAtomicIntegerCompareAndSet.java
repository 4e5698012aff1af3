package dev.racecheck.it.edges;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * AtomicInteger.compareAndSet, edge broken: the writer writes after compareAndSet().
 * Expected: race on static field dev.racecheck.it.edges.RaceAtomicIntegerCompareAndSet.data
 */
public final class RaceAtomicIntegerCompareAndSet {
    static int data;

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        AtomicInteger flag = new AtomicInteger();
        Thread writer = Edges.thread("writer", () -> {
            flag.compareAndSet(0, 1);
            data = 42; // racy access
        });
        writer.start();
        while (!flag.compareAndSet(1, 2)) {
            Edges.sleep(1);
        }
        Edges.sleep(100);
        System.out.println("RaceAtomicIntegerCompareAndSet: " + data); // racy access
        writer.join();
    }
}
