package dev.racecheck.it.edges;

/**
 * No edge: an arraycopy between reference arrays that stops at the first element the destination cannot hold
 * (ArrayStoreException) has copied the elements before it. Another thread wrote {@code strings[1]}, unordered with
 * main; main's copy of {@code words} (an Integer at index 2) writes strings[0] and strings[1] before it throws.
 * Expected: race on array element java.lang.String[1]
 */
public final class RaceArrayCallsFailedArraycopyPrefix {
    static final Object[] words = {"a", "b", 3, "c"};
    static final String[] strings = new String[4];

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        Edges.Signal written = new Edges.Signal();
        Thread writer = new Thread(() -> {
            strings[1] = "mine"; // racy access
            written.raise();
        }, "writer");
        writer.start();
        written.await("the writer wrote strings[1]");
        try {
            System.arraycopy(words, 0, strings, 0, 4); // racy access
            Edges.check(false, "the copy stops at words[2]");
        } catch (ArrayStoreException expected) {
            Edges.check("b".equals(strings[1]), "strings[1] was copied before the exception");
        }
        Edges.awaitEndWithoutEdge(writer);
        System.out.println("RaceArrayCallsFailedArraycopyPrefix: " + strings[0]);
    }
}
