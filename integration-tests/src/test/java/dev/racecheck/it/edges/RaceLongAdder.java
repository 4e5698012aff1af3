package dev.racecheck.it.edges;

import java.util.concurrent.atomic.LongAdder;

/**
 * LongAdder, edge broken: the writer writes after increment().
 * Expected: race on static field dev.racecheck.it.edges.RaceLongAdder.data
 */
public final class RaceLongAdder {
    static int data;

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        LongAdder adder = new LongAdder();
        Thread writer = Edges.thread("writer", () -> {
            adder.increment();
            data = 42; // racy access
        });
        writer.start();
        while (adder.sum() == 0) {
            Edges.sleep(1);
        }
        Edges.sleep(100);
        System.out.println("RaceLongAdder: " + data); // racy access
        writer.join();
    }
}
