package dev.racecheck.it.filter;

/**
 * Main reads element 7 of 64 clean arrays, which fills every slot of its recent-array cache with a filter that has
 * element 7 marked in this generation, then reads element 7 of an array another thread wrote with nothing ordering
 * the two: the array's slot must start with a filter of its own, not one of a clean array's.
 * Expected: race on array element int[7]
 */
public final class RaceReadAfterCacheEviction {
    public static void main(String[] args) throws Exception {
        int[][] clean = new int[64][];
        for (int k = 0; k < clean.length; k++) clean[k] = new int[512];
        int[] shared = new int[512];
        Thread writer = new Thread(() -> shared[7] = 1, "writer"); // racy access
        writer.start();
        Thread.sleep(200); // not a synchronization: the write is still unordered with the read below
        long sum = 0;
        for (int round = 0; round < 3; round++) {
            for (int[] a : clean) sum += a[7];
        }
        sum += shared[7]; // racy access
        writer.join();
        System.out.println("RaceReadAfterCacheEviction: " + sum);
    }
}
