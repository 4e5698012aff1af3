package dev.racecheck.it.arrays;

/**
 * System.arraycopy writes its destination range: it races with an unordered read of one of those
 * elements.
 * Expected: race on array element long[1]
 */
public final class RaceArraycopyDestination {
    static volatile Object sink;

    public static void main(String[] args) throws Exception {
        long[] totals = new long[3];
        long[] update = {1, 2, 3};
        Thread reader = new Thread(() -> sink = totals[1], "reader"); // racy access
        Thread copier = new Thread(() -> System.arraycopy(update, 0, totals, 0, 3), "copier"); // racy access
        reader.start();
        copier.start();
        reader.join();
        copier.join();
        System.out.println("RaceArraycopyDestination: done");
    }
}
