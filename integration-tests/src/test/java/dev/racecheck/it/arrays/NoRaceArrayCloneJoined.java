package dev.racecheck.it.arrays;

/**
 * The pair of RaceArrayClone: the clone is made after the writer has been joined.
 * Expected: no race
 */
public final class NoRaceArrayCloneJoined {
    static volatile Object sink;

    public static void main(String[] args) throws Exception {
        double[] weights = new double[2];
        Thread writer = new Thread(() -> weights[0] = 0.5, "writer");
        writer.start();
        writer.join();
        sink = weights.clone();
        System.out.println("NoRaceArrayCloneJoined: done");
    }
}
