package dev.racecheck.it.edges;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * AtomicInteger: actions before set(v) happen-before actions after a get() that reads v.
 * Expected: no race
 */
public final class NoRaceAtomicInteger {
    static int data;

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        AtomicInteger flag = new AtomicInteger();
        Thread writer = Edges.thread("writer", () -> {
            data = 42;
            flag.set(1);
        });
        writer.start();
        while (flag.get() == 0) {
            Edges.sleep(1);
        }
        System.out.println("NoRaceAtomicInteger: " + data);
        writer.join();
    }
}
