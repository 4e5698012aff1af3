package dev.racecheck.it.edges;

import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;

/**
 * AtomicReferenceFieldUpdater: actions before compareAndSet(obj, null, v) happen-before actions after a get(obj)
 * that reads v.
 * Expected: no race
 */
public final class NoRaceAtomicReferenceFieldUpdater {
    static int data;

    static final class Holder {
        volatile String name;
    }

    static final AtomicReferenceFieldUpdater<Holder, String> NAME =
            AtomicReferenceFieldUpdater.newUpdater(Holder.class, String.class, "name");

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        Holder holder = new Holder();
        Thread writer = Edges.thread("writer", () -> {
            data = 42;
            NAME.compareAndSet(holder, null, "ready");
        });
        writer.start();
        while (NAME.get(holder) == null) {
            Edges.sleep(1);
        }
        System.out.println("NoRaceAtomicReferenceFieldUpdater: " + data);
        writer.join();
    }
}
