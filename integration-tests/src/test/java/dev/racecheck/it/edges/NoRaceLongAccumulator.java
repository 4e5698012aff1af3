package dev.racecheck.it.edges;

import java.util.concurrent.atomic.LongAccumulator;

/**
 * LongAccumulator: actions before accumulate(x) happen-before actions after a get() that includes it.
 * Expected: no race
 */
public final class NoRaceLongAccumulator {
    static int data;

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        LongAccumulator max = new LongAccumulator(Long::max, 0);
        Thread writer = Edges.thread("writer", () -> {
            data = 42;
            max.accumulate(7);
        });
        writer.start();
        while (max.get() == 0) {
            Edges.sleep(1);
        }
        System.out.println("NoRaceLongAccumulator: " + data);
        writer.join();
    }
}
