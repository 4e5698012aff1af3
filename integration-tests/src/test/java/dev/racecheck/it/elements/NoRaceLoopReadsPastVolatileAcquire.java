package dev.racecheck.it.elements;

/**
 * A writer writes element 700 of an int[1024], then publishes with a volatile write; main sums the array in one loop
 * that, on reaching element 500, waits until it reads the publication. Its read of element 700 comes after that
 * acquire: the loop's reads must not all be checked as if made before it ran.
 * Expected: no race
 */
public final class NoRaceLoopReadsPastVolatileAcquire {
    static volatile boolean published;

    public static void main(String[] args) throws Exception {
        int[] a = new int[1024];
        Thread writer = new Thread(() -> {
            a[700] = 7;
            published = true;
        }, "writer");
        writer.start();
        long sum = 0;
        for (int k = 0; k < a.length; k++) {
            if (k == 500) {
                while (!published) {
                }
            }
            sum += a[k];
        }
        writer.join();
        if (sum != 7) throw new AssertionError(sum);
        System.out.println("NoRaceLoopReadsPastVolatileAcquire: " + sum);
    }
}
