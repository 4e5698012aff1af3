package dev.racecheck.it.edges;

/**
 * No edge: linking a call site. The writer links a string concatenation of a shape used nowhere before, main later
 * links another of the same shape: the second finds the method type the first interned in the JDK's intern table.
 * That is the JDK's bookkeeping, not synchronization the program makes, and racecheck must not order the threads by
 * it.
 * Expected: race on static field dev.racecheck.it.edges.RaceCallSiteLinking.data
 */
public final class RaceCallSiteLinking {
    static int data;

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        float f = 1.5f;
        char c = 'c';
        short s = 7;
        Edges.Signal writerLinked = new Edges.Signal();
        Thread writer = Edges.thread("writer", () -> {
            data = 42; // racy access
            String linked = "w" + f + c + s; // the first call site of this shape (float, char, short)
            Edges.check(!linked.isEmpty(), "concatenation");
            writerLinked.raise();
        });
        writer.start();
        writerLinked.await("the writer linked its concatenation");
        String linked = "m" + f + c + s; // another call site, the same method type
        System.out.println("RaceCallSiteLinking: " + data + " " + linked.length()); // racy access
        writer.join();
    }
}
