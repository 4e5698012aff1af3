package dev.racecheck.it.edges;

import java.util.concurrent.atomic.AtomicLong;

/**
 * AtomicLong, edge broken: the writer writes after set().
 * Expected: race on static field dev.racecheck.it.edges.RaceAtomicLong.data
 */
public final class RaceAtomicLong {
    static int data;

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        AtomicLong flag = new AtomicLong();
        Thread writer = Edges.thread("writer", () -> {
            flag.set(1L);
            data = 42; // racy access
        });
        writer.start();
        while (flag.get() == 0L) {
            Edges.sleep(1);
        }
        Edges.sleep(100);
        System.out.println("RaceAtomicLong: " + data); // racy access
        writer.join();
    }
}
