package dev.racecheck.it.edges;

/**
 * Hand-offs go through one collection, not through an object that two collections hold: for each kind of concurrent
 * collection (each path of {@link SharedElementPaths}), the writer writes its slot and puts the shared object (a
 * cached Integer, Boolean.TRUE, an enum constant, a string literal...) in one collection; the placer, later, puts the
 * same object in the other; the reader gets it out of that other one and reads the slot. Nothing orders the writer's
 * write with the reader's read (racecheck used to key hand-offs by the element alone, and found none of these).
 * Expected: race on array element int[0]
 */
public final class RaceHandOffSharedElement {
    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        SharedElementPaths paths = new SharedElementPaths();
        int[] slots = new int[paths.size()];
        Edges.Signal written = new Edges.Signal();
        Edges.Signal placed = new Edges.Signal();
        Thread writer = new Thread(() -> {
            for (int i = 0; i < slots.length; i++) {
                slots[i] = i + 1; // racy access
                paths.place(i, 0);
            }
            written.raise();
        }, "writer");
        Thread placer = new Thread(() -> {
            written.await("the writer placed the objects in the first collections");
            for (int i = 0; i < slots.length; i++) paths.place(i, 1);
            placed.raise();
        }, "placer");
        Thread reader = new Thread(() -> {
            placed.await("the placer placed the objects in the second collections");
            int sum = 0;
            for (int i = 0; i < slots.length; i++) {
                paths.take(i);
                sum += slots[i]; // racy access
            }
            System.out.println("RaceHandOffSharedElement: " + sum);
        }, "reader");
        writer.start();
        placer.start();
        reader.start();
        Edges.awaitEndWithoutEdge(writer, placer, reader);
    }
}
