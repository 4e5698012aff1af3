package dev.racecheck.it.elements;

/**
 * {@link RaceReadThenWriteSameGeneration} with main joining the reader before its own read and write.
 * Expected: no race
 */
public final class NoRaceReadThenWriteSameGeneration {
    static volatile double seen;

    public static void main(String[] args) throws Exception {
        double[] a = new double[4096];
        a[100] = 1.0;
        Thread reader = new Thread(() -> seen = a[100], "reader");
        reader.start();
        reader.join();
        double v = a[100];
        a[100] = v + 1;
        System.out.println("NoRaceReadThenWriteSameGeneration: " + seen + " " + a[100]);
    }
}
