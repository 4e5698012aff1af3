package dev.racecheck.it.edges;

/**
 * No edge: a collection operation that finds or places nothing. For each operation of {@link HandOffOperations}
 * that fails (a poll, timed poll or peek of a queue the writer emptied again, a contains or remove(o) that finds
 * nothing, an offer to a full queue, a putIfAbsent, replace, key-set add or addIfAbsent that finds the element there
 * already), the writer writes the path's slot first and the reader reads it after its own operation. The lock-based
 * queues' locks order the two in the implementation, not in their specification: racecheck used to report none of
 * the queue paths; nor the maps and lists, whose failed placings released the element.
 * Expected: race on array element int[0]
 */
public final class RaceHandOffEachOperationFailed {
    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        HandOffOperations operations = new HandOffOperations(false);
        int[] slots = new int[operations.size()];
        Edges.Signal written = new Edges.Signal();
        Thread writer = Edges.thread("writer", () -> {
            for (int i = 0; i < slots.length; i++) {
                slots[i] = i + 1; // racy access
                operations.write(i);
            }
            written.raise();
        });
        Thread reader = Edges.thread("reader", () -> {
            written.await("the writer made its operations");
            int sum = 0;
            for (int i = 0; i < slots.length; i++) {
                operations.read(i);
                sum += slots[i]; // racy access
            }
            System.out.println("RaceHandOffEachOperationFailed: " + sum);
        });
        writer.start();
        reader.start();
        Edges.awaitEndWithoutEdge(writer, reader);
    }
}
