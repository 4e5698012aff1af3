package dev.racecheck.it.elements;

/**
 * {@link NoRaceLoopReadsPastVolatileAcquire} with the writer writing element 300, which main's loop reads before the
 * acquire at element 500: that read is unordered with the write.
 * Expected: race on array element int[300]
 */
public final class RaceLoopReadsPastVolatileAcquire {
    static volatile boolean published;

    public static void main(String[] args) throws Exception {
        int[] a = new int[1024];
        Thread writer = new Thread(() -> {
            a[300] = 7; // racy access
            published = true;
        }, "writer");
        writer.start();
        long sum = 0;
        for (int k = 0; k < a.length; k++) {
            if (k == 500) {
                while (!published) {
                }
            }
            sum += a[k]; // racy access
        }
        writer.join();
        System.out.println("RaceLoopReadsPastVolatileAcquire: " + sum);
    }
}
