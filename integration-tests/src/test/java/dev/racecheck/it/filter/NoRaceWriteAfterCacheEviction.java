package dev.racecheck.it.filter;

/**
 * {@link RaceWriteAfterCacheEviction} with the reader joined first: no race.
 * Expected: no race
 */
public final class NoRaceWriteAfterCacheEviction {
    static volatile long sink;

    public static void main(String[] args) throws Exception {
        long[][] clean = new long[64][];
        for (int k = 0; k < clean.length; k++) clean[k] = new long[300];
        long[] shared = new long[300];
        Thread reader = new Thread(() -> sink = shared[7], "reader");
        reader.start();
        reader.join();
        for (int round = 0; round < 3; round++) {
            for (long[] a : clean) a[7] = round;
            shared[7] = round;
        }
        System.out.println("NoRaceWriteAfterCacheEviction: done");
    }
}
