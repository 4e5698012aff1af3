package dev.racecheck.it.edges;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * AtomicBoolean, edge broken: the writer writes after set().
 * Expected: race on static field dev.racecheck.it.edges.RaceAtomicBoolean.data
 */
public final class RaceAtomicBoolean {
    static int data;

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        AtomicBoolean flag = new AtomicBoolean();
        Thread writer = Edges.thread("writer", () -> {
            flag.set(true);
            data = 42; // racy access
        });
        writer.start();
        while (!flag.get()) {
            Edges.sleep(1);
        }
        Edges.sleep(100);
        System.out.println("RaceAtomicBoolean: " + data); // racy access
        writer.join();
    }
}
