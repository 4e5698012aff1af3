package dev.racecheck.it.edges;

import java.util.concurrent.atomic.AtomicLong;

/**
 * AtomicLong: actions before set(v) happen-before actions after a get() that reads v.
 * Expected: no race
 */
public final class NoRaceAtomicLong {
    static int data;

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        AtomicLong flag = new AtomicLong();
        Thread writer = Edges.thread("writer", () -> {
            data = 42;
            flag.set(1L);
        });
        writer.start();
        while (flag.get() == 0L) {
            Edges.sleep(1);
        }
        System.out.println("NoRaceAtomicLong: " + data);
        writer.join();
    }
}
