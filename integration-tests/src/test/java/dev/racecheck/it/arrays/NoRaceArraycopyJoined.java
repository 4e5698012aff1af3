package dev.racecheck.it.arrays;

/**
 * The pair of RaceArraycopySource: the copier starts after the writer has been joined.
 * Expected: no race
 */
public final class NoRaceArraycopyJoined {
    static volatile Object sink;

    public static void main(String[] args) throws Exception {
        int[] samples = new int[4];
        Thread writer = new Thread(() -> samples[2] = 7, "writer");
        writer.start();
        writer.join();
        Thread copier = new Thread(() -> {
            int[] copy = new int[4];
            System.arraycopy(samples, 0, copy, 0, 4);
            sink = copy;
        }, "copier");
        copier.start();
        copier.join();
        System.out.println("NoRaceArraycopyJoined: done");
    }
}
