package dev.racecheck.it.edges;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Final fields (JLS 17.5), what they reach: a thread that sees a properly constructed object through a racy
 * publication sees the array its final field refers to at least as up to date as when the constructor ended, so
 * the elements the constructor wrote are visible without any edge. racecheck forgets those writes when the
 * constructor returns (the freeze).
 * Expected: no race
 */
public final class NoRaceFinalFieldArray {
    static final class Table {
        final int[] cells;

        Table(int size) {
            cells = new int[size];
            for (int i = 0; i < size; i++) {
                cells[i] = i * 10;
            }
        }
    }

    static final AtomicReference<Table> slot = new AtomicReference<>();

    public static void main(String[] args) throws InterruptedException {
        Edges.warmUp();
        Thread writer = new Thread(() -> slot.setPlain(new Table(4)), "writer"); // racy publication: no edge
        writer.start();
        Table t;
        while ((t = slot.getPlain()) == null) {
            Edges.sleep(1);
        }
        System.out.println("NoRaceFinalFieldArray: " + t.cells[3]);
        writer.join();
    }
}
