package dev.racecheck.it.edges;

import java.util.Arrays;

/**
 * No edge is needed: array calls that fail their argument checks touch no element. Another thread writes every
 * element of {@code data} and of {@code words}, unordered with main; main then makes calls that throw before copying,
 * filling, sorting or reading anything (an index past an end, a negative length, a null or mismatched array, from >
 * to, a value the array cannot hold, a negative size), and an arraycopy between reference arrays that stops at its
 * first element the destination cannot hold: nothing of it past that element is touched (the other thread wrote
 * only there). racecheck records a call's range once the call has returned, and the copied prefix of the one that
 * stops midway.
 * Expected: no race
 */
public final class NoRaceArrayCallsFailed {
    static final int[] data = new int[8];
    static final Object[] words = {"a", "b", 3, "c", "d", "e", "f", "g"};
    static final String[] strings = new String[8];

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        Edges.Signal written = new Edges.Signal();
        Thread writer = new Thread(() -> {
            for (int i = 0; i < data.length; i++) data[i] = i + 1;
            for (int i = 3; i < words.length; i++) words[i] = "w" + i; // past the element that stops the copy
            for (int i = 3; i < strings.length; i++) strings[i] = "s" + i;
            written.raise();
        }, "writer");
        writer.start();
        written.await("the writer wrote the arrays");
        int failures = 0;
        failures += fails(() -> System.arraycopy(data, 0, new int[4], 0, 8)); // destination too short
        failures += fails(() -> System.arraycopy(data, 4, new int[8], 0, 8)); // source range past its end
        failures += fails(() -> System.arraycopy(data, 0, new int[8], 0, -1)); // negative length
        failures += fails(() -> System.arraycopy(data, 0, null, 0, 8)); // null destination
        failures += fails(() -> System.arraycopy(data, 0, new long[8], 0, 8)); // two primitive types
        failures += fails(() -> System.arraycopy(data, 0, new Object[8], 0, 8)); // primitive and reference
        failures += fails(() -> System.arraycopy(words, 0, strings, 0, 8)); // stops at words[2], an Integer
        failures += fails(() -> Arrays.fill(data, 6, 2, 0)); // from > to
        failures += fails(() -> Arrays.fill(data, 0, 9, 0)); // to past the end
        failures += fails(() -> Arrays.fill((Object[]) strings, 42)); // an Integer into a String[]
        failures += fails(() -> Arrays.sort(data, -1, 4)); // negative from
        failures += fails(() -> Arrays.copyOf(data, -1)); // negative size
        failures += fails(() -> Arrays.copyOfRange(data, 9, 10)); // from past the end
        failures += fails(() -> Arrays.copyOfRange(data, 5, 2)); // from > to
        failures += fails(() -> Arrays.equals(data, 0, 9, data, 0, 8)); // range past the end
        failures += fails(() -> Arrays.mismatch(data, 0, 4, new int[2], 3, 1)); // from > to
        failures += fails(() -> Arrays.parallelPrefix(data, 2, 10, Integer::sum)); // to past the end
        Edges.check(failures == 17, "every call threw (" + failures + " of 17)");
        Edges.awaitEndWithoutEdge(writer);
        System.out.println("NoRaceArrayCallsFailed: " + failures + " calls failed");
    }

    /** 1 when the call throws a RuntimeException (what each of these throws), 0 when it returns. */
    private static int fails(Runnable call) {
        try {
            call.run();
            return 0;
        } catch (RuntimeException expected) {
            return 1;
        }
    }
}
