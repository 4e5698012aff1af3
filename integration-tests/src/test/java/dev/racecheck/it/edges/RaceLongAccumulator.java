package dev.racecheck.it.edges;

import java.util.concurrent.atomic.LongAccumulator;

/**
 * LongAccumulator, edge broken: the writer writes after accumulate().
 * Expected: race on static field dev.racecheck.it.edges.RaceLongAccumulator.data
 */
public final class RaceLongAccumulator {
    static int data;

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        LongAccumulator max = new LongAccumulator(Long::max, 0);
        Thread writer = Edges.thread("writer", () -> {
            max.accumulate(7);
            data = 42; // racy access
        });
        writer.start();
        while (max.get() == 0) {
            Edges.sleep(1);
        }
        Edges.sleep(100);
        System.out.println("RaceLongAccumulator: " + data); // racy access
        writer.join();
    }
}
