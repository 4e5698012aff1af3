package dev.racecheck.it.filter;

/**
 * {@link RaceSharedReadAfterCacheEviction} with the writer joined before the reads: no race.
 * Expected: no race
 */
public final class NoRaceSharedReadAfterCacheEviction {
    static long preSum;

    public static void main(String[] args) throws Exception {
        int[][] clean = new int[64][];
        for (int k = 0; k < clean.length; k++) clean[k] = new int[512];
        int[] shared = new int[512];
        Thread preReader = new Thread(() -> {
            long s = 0;
            for (int[] a : clean) s += a[7];
            preSum = s;
        }, "pre-reader");
        preReader.start();
        while (preReader.getState() != Thread.State.TERMINATED) Thread.sleep(1); // not a synchronization
        Thread writer = new Thread(() -> shared[7] = 1, "writer");
        writer.start();
        writer.join();
        long sum = 0;
        for (int round = 0; round < 3; round++) {
            for (int[] a : clean) sum += a[7];
            sum += shared[7];
        }
        System.out.println("NoRaceSharedReadAfterCacheEviction: " + sum);
    }
}
