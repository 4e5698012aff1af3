package dev.racecheck.it.filter;

/**
 * {@link RaceReadAfterCacheEviction} on read-shared elements, the ones packed element states still ask the filter
 * about: another thread read element 7 of 64 clean arrays first (nothing orders it with main), so main's reads of
 * them are read-shared and marked in every slot of its recent-array cache; then main reads element 7 of an array
 * another thread wrote with nothing ordering the two. The array's slot must not answer with a clean array's mark.
 * Expected: race on array element int[7]
 */
public final class RaceSharedReadAfterCacheEviction {
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
        Thread writer = new Thread(() -> shared[7] = 1, "writer"); // racy access
        writer.start();
        Thread.sleep(200); // not a synchronization: the write is still unordered with the read below
        long sum = 0;
        for (int round = 0; round < 3; round++) {
            for (int[] a : clean) sum += a[7];
        }
        sum += shared[7]; // racy access
        writer.join();
        System.out.println("RaceSharedReadAfterCacheEviction: " + sum);
    }
}
