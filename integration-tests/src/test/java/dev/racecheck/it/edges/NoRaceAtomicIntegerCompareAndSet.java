package dev.racecheck.it.edges;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * AtomicInteger.compareAndSet: actions before a successful compareAndSet(0, 1) happen-before actions after a
 * compareAndSet(1, 2) that succeeds (it read the 1).
 * Expected: no race
 */
public final class NoRaceAtomicIntegerCompareAndSet {
    static int data;

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        AtomicInteger flag = new AtomicInteger();
        Thread writer = Edges.thread("writer", () -> {
            data = 42;
            flag.compareAndSet(0, 1);
        });
        writer.start();
        while (!flag.compareAndSet(1, 2)) {
            Edges.sleep(1);
        }
        System.out.println("NoRaceAtomicIntegerCompareAndSet: " + data);
        writer.join();
    }
}
