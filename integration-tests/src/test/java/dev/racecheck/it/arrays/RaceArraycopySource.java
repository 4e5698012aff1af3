package dev.racecheck.it.arrays;

/**
 * System.arraycopy reads its source range: a write of one of those elements in another thread,
 * unordered, races with it.
 * Expected: race on array element int[2]
 */
public final class RaceArraycopySource {
    static volatile Object sink;

    public static void main(String[] args) throws Exception {
        int[] samples = new int[4];
        Thread writer = new Thread(() -> samples[2] = 7, "writer"); // racy access
        Thread copier = new Thread(() -> {
            int[] copy = new int[4];
            System.arraycopy(samples, 0, copy, 0, 4); // racy access
            sink = copy;
        }, "copier");
        writer.start();
        copier.start();
        writer.join();
        copier.join();
        System.out.println("RaceArraycopySource: done");
    }
}
