package dev.racecheck.it.elements;

/**
 * A reader reads element 100 of a double[4096]; main, with nothing ordering it with the reader, reads the element
 * too (it is now read-shared), then writes it with no synchronization in between. Main's own read does not cover its
 * write: the write must still be checked against the reader's read.
 * Expected: race on array element double[100]
 */
public final class RaceReadThenWriteSameGeneration {
    static volatile double seen;

    public static void main(String[] args) throws Exception {
        double[] a = new double[4096];
        a[100] = 1.0;
        Thread reader = new Thread(() -> seen = a[100], "reader"); // racy access
        reader.start();
        Waits.awaitEnd(reader); // in time only: the read is still unordered with main's accesses
        double v = a[100];
        a[100] = v + 1; // racy access
        reader.join();
        System.out.println("RaceReadThenWriteSameGeneration: " + seen + " " + a[100]);
    }
}
