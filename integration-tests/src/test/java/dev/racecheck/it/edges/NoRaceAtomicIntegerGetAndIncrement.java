package dev.racecheck.it.edges;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * AtomicInteger.getAndIncrement: actions before an atomic update (getAndIncrement) happen-before actions after a
 * getAndAdd(0) (another atomic update) that reads its result.
 * Expected: no race
 */
public final class NoRaceAtomicIntegerGetAndIncrement {
    static int data;

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        AtomicInteger flag = new AtomicInteger();
        Thread writer = Edges.thread("writer", () -> {
            data = 42;
            flag.getAndIncrement();
        });
        writer.start();
        while (flag.getAndAdd(0) == 0) {
            Edges.sleep(1);
        }
        System.out.println("NoRaceAtomicIntegerGetAndIncrement: " + data);
        writer.join();
    }
}
