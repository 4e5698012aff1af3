package dev.racecheck.it.edges;

import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

/**
 * AtomicIntegerFieldUpdater, edge broken: the writer writes after set().
 * Expected: race on static field dev.racecheck.it.edges.RaceAtomicIntegerFieldUpdater.data
 */
public final class RaceAtomicIntegerFieldUpdater {
    static int data;

    static final class Holder {
        volatile int state;
    }

    static final AtomicIntegerFieldUpdater<Holder> STATE = AtomicIntegerFieldUpdater.newUpdater(Holder.class, "state");

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        Holder holder = new Holder();
        Thread writer = Edges.thread("writer", () -> {
            STATE.set(holder, 1);
            data = 42; // racy access
        });
        writer.start();
        while (STATE.get(holder) == 0) {
            Edges.sleep(1);
        }
        Edges.sleep(100);
        System.out.println("RaceAtomicIntegerFieldUpdater: " + data); // racy access
        writer.join();
    }
}
