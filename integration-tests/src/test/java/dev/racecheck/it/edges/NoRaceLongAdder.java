package dev.racecheck.it.edges;

import java.util.concurrent.atomic.LongAdder;

/**
 * LongAdder: actions before increment() happen-before actions after a sum() that includes it.
 * Expected: no race
 */
public final class NoRaceLongAdder {
    static int data;

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        LongAdder adder = new LongAdder();
        Thread writer = Edges.thread("writer", () -> {
            data = 42;
            adder.increment();
        });
        writer.start();
        while (adder.sum() == 0) {
            Edges.sleep(1);
        }
        System.out.println("NoRaceLongAdder: " + data);
        writer.join();
    }
}
