package dev.racecheck.it.edges;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * AtomicBoolean: actions before set(true) happen-before actions after a get() that reads true.
 * Expected: no race
 */
public final class NoRaceAtomicBoolean {
    static int data;

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        AtomicBoolean flag = new AtomicBoolean();
        Thread writer = Edges.thread("writer", () -> {
            data = 42;
            flag.set(true);
        });
        writer.start();
        while (!flag.get()) {
            Edges.sleep(1);
        }
        System.out.println("NoRaceAtomicBoolean: " + data);
        writer.join();
    }
}
