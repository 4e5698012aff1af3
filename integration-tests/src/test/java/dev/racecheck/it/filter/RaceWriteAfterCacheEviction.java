package dev.racecheck.it.filter;

/**
 * Main writes element 7 of 64 clean arrays (every cache slot's filter then has element 7 marked written), then
 * writes element 7 of an array another thread read with nothing ordering the two.
 * Expected: race on array element long[7]
 */
public final class RaceWriteAfterCacheEviction {
    static volatile long sink;

    public static void main(String[] args) throws Exception {
        long[][] clean = new long[64][];
        for (int k = 0; k < clean.length; k++) clean[k] = new long[300];
        long[] shared = new long[300];
        Thread reader = new Thread(() -> sink = shared[7], "reader"); // racy access
        reader.start();
        Thread.sleep(200);
        for (int round = 0; round < 3; round++) {
            for (long[] a : clean) a[7] = round;
        }
        shared[7] = 42; // racy access
        reader.join();
        System.out.println("RaceWriteAfterCacheEviction: done");
    }
}
