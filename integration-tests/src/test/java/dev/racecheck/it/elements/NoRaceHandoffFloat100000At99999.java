package dev.racecheck.it.elements;

/**
 * {@link RaceHandoffFloat100000At99999} with the reader started after the write and read-back: the start orders
 * them.
 * Expected: no race
 */
public final class NoRaceHandoffFloat100000At99999 {
    static volatile float seen;

    public static void main(String[] args) throws Exception {
        float[] a = new float[100_000];
        Thread reader = new Thread(() -> seen = a[99_999], "reader");
        a[99_999] = 4.2f;
        float back = a[99_999];
        reader.start();
        reader.join();
        if (seen != 4.2f) throw new AssertionError(seen);
        System.out.println("NoRaceHandoffFloat100000At99999: " + back + " " + seen);
    }
}
