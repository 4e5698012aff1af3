package dev.racecheck.it.edges;

/**
 * A concurrent collection orders placing an element before whatever gets that element out: for each operation of
 * {@link HandOffOperations} that succeeds (a poll, timed poll, peek, contains or remove(o) that finds the element the
 * writer placed; an offer, putIfAbsent, replace, key-set add, addIfAbsent that places it), the writer writes the
 * path's slot first and the reader reads it after getting the element out.
 * Expected: no race
 */
public final class NoRaceHandOffEachOperation {
    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        HandOffOperations operations = new HandOffOperations(true);
        int[] slots = new int[operations.size()];
        Edges.Signal written = new Edges.Signal();
        Thread writer = Edges.thread("writer", () -> {
            for (int i = 0; i < slots.length; i++) {
                slots[i] = i + 1;
                operations.write(i);
            }
            written.raise();
        });
        Thread reader = Edges.thread("reader", () -> {
            written.await("the writer placed the elements");
            int sum = 0;
            for (int i = 0; i < slots.length; i++) {
                operations.read(i);
                sum += slots[i];
            }
            System.out.println("NoRaceHandOffEachOperation: " + sum);
        });
        writer.start();
        reader.start();
        Edges.awaitEndWithoutEdge(writer, reader);
    }
}
