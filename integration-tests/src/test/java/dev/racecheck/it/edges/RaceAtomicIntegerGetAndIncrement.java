package dev.racecheck.it.edges;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * AtomicInteger.getAndIncrement, edge broken: the writer writes after getAndIncrement().
 * Expected: race on static field dev.racecheck.it.edges.RaceAtomicIntegerGetAndIncrement.data
 */
public final class RaceAtomicIntegerGetAndIncrement {
    static int data;

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        AtomicInteger flag = new AtomicInteger();
        Thread writer = Edges.thread("writer", () -> {
            flag.getAndIncrement();
            data = 42; // racy access
        });
        writer.start();
        while (flag.getAndAdd(0) == 0) {
            Edges.sleep(1);
        }
        Edges.sleep(100);
        System.out.println("RaceAtomicIntegerGetAndIncrement: " + data); // racy access
        writer.join();
    }
}
