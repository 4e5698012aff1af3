package dev.racecheck.it.edges;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * AtomicInteger, edge broken: the writer writes after set().
 * Expected: race on static field dev.racecheck.it.edges.RaceAtomicInteger.data
 */
public final class RaceAtomicInteger {
    static int data;

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        AtomicInteger flag = new AtomicInteger();
        Thread writer = Edges.thread("writer", () -> {
            flag.set(1);
            data = 42; // racy access
        });
        writer.start();
        while (flag.get() == 0) {
            Edges.sleep(1);
        }
        Edges.sleep(100);
        System.out.println("RaceAtomicInteger: " + data); // racy access
        writer.join();
    }
}
