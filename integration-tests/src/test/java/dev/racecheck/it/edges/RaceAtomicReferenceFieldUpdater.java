package dev.racecheck.it.edges;

import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;

/**
 * AtomicReferenceFieldUpdater, edge broken: the writer writes after compareAndSet().
 * Expected: race on static field dev.racecheck.it.edges.RaceAtomicReferenceFieldUpdater.data
 */
public final class RaceAtomicReferenceFieldUpdater {
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
            NAME.compareAndSet(holder, null, "ready");
            data = 42; // racy access
        });
        writer.start();
        while (NAME.get(holder) == null) {
            Edges.sleep(1);
        }
        Edges.sleep(100);
        System.out.println("RaceAtomicReferenceFieldUpdater: " + data); // racy access
        writer.join();
    }
}
