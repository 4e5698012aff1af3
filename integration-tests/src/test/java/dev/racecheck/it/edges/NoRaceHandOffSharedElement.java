package dev.racecheck.it.edges;

/**
 * Concurrent collections hand an element over from the thread that placed it to the one that gets it out of the same
 * collection, even when the object is also in another collection of the kind: for each kind (each path of
 * {@link SharedElementPaths}), a placer puts the shared object in one collection, the writer writes its slot and puts
 * the same object in the other, and the reader gets it out of that one and reads the slot.
 * Expected: no race
 */
public final class NoRaceHandOffSharedElement {
    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        SharedElementPaths paths = new SharedElementPaths();
        int[] slots = new int[paths.size()];
        Edges.Signal placed = new Edges.Signal();
        Edges.Signal written = new Edges.Signal();
        Thread placer = new Thread(() -> {
            for (int i = 0; i < slots.length; i++) paths.place(i, 0);
            placed.raise();
        }, "placer");
        Thread writer = new Thread(() -> {
            placed.await("the placer placed the objects in the first collections");
            for (int i = 0; i < slots.length; i++) {
                slots[i] = i + 1;
                paths.place(i, 1);
            }
            written.raise();
        }, "writer");
        Thread reader = new Thread(() -> {
            written.await("the writer placed the objects in the second collections");
            int sum = 0;
            for (int i = 0; i < slots.length; i++) {
                paths.take(i);
                sum += slots[i];
            }
            System.out.println("NoRaceHandOffSharedElement: " + sum);
        }, "reader");
        placer.start();
        writer.start();
        reader.start();
        Edges.awaitEndWithoutEdge(placer, writer, reader);
    }
}
