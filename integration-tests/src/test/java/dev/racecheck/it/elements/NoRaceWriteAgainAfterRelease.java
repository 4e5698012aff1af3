package dev.racecheck.it.elements;

/**
 * {@link RaceWriteAgainAfterRelease} with both of main's writes made before the volatile write that publishes.
 * Expected: no race
 */
public final class NoRaceWriteAgainAfterRelease {
    static volatile boolean published;
    static volatile long seen;

    public static void main(String[] args) throws Exception {
        long[] a = new long[1024];
        Thread reader = new Thread(() -> {
            while (!published) {
                Thread.onSpinWait();
            }
            seen = a[1023];
        }, "reader");
        reader.start();
        a[1023] = 1;
        a[1023] = 2;
        published = true;
        reader.join();
        if (seen != 2) throw new AssertionError(seen);
        System.out.println("NoRaceWriteAgainAfterRelease: " + seen);
    }
}
