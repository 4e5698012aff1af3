package dev.racecheck.it.edges;

import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

/**
 * AtomicIntegerFieldUpdater: actions before set(obj, v) happen-before actions after a get(obj) that reads v.
 * Expected: no race
 */
public final class NoRaceAtomicIntegerFieldUpdater {
    static int data;

    static final class Holder {
        volatile int state;
    }

    static final AtomicIntegerFieldUpdater<Holder> STATE = AtomicIntegerFieldUpdater.newUpdater(Holder.class, "state");

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        Holder holder = new Holder();
        Thread writer = Edges.thread("writer", () -> {
            data = 42;
            STATE.set(holder, 1);
        });
        writer.start();
        while (STATE.get(holder) == 0) {
            Edges.sleep(1);
        }
        System.out.println("NoRaceAtomicIntegerFieldUpdater: " + data);
        writer.join();
    }
}
