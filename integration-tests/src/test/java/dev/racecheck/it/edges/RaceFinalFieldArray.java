package dev.racecheck.it.edges;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Final fields, guarantee not covering the write: the element is written after the constructor returned (after the
 * freeze), then the object is published by a data race. JLS 17.5 guarantees only what the constructor left.
 * Expected: race on array element int[3]
 */
public final class RaceFinalFieldArray {
    static final class Table {
        final int[] cells;

        Table(int size) {
            cells = new int[size];
        }
    }

    static final AtomicReference<Table> slot = new AtomicReference<>();

    public static void main(String[] args) throws InterruptedException {
        Edges.warmUp();
        Thread writer = new Thread(() -> {
            Table t = new Table(4);
            t.cells[3] = 30; // racy access
            slot.setPlain(t); // racy publication: no edge
        }, "writer");
        writer.start();
        Table t;
        while ((t = slot.getPlain()) == null) {
            Edges.sleep(1);
        }
        System.out.println("RaceFinalFieldArray: " + t.cells[3]); // racy access
        writer.join();
    }
}
