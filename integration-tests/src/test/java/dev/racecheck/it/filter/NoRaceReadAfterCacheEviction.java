package dev.racecheck.it.filter;

/**
 * {@link RaceReadAfterCacheEviction} with the writer joined before the reads: no race, however the cache slots and
 * their filters are shared out.
 * Expected: no race
 */
public final class NoRaceReadAfterCacheEviction {
    public static void main(String[] args) throws Exception {
        int[][] clean = new int[64][];
        for (int k = 0; k < clean.length; k++) clean[k] = new int[512];
        int[] shared = new int[512];
        Thread writer = new Thread(() -> shared[7] = 1, "writer");
        writer.start();
        writer.join();
        long sum = 0;
        for (int round = 0; round < 3; round++) {
            for (int[] a : clean) sum += a[7];
            sum += shared[7];
        }
        System.out.println("NoRaceReadAfterCacheEviction: " + sum);
    }
}
