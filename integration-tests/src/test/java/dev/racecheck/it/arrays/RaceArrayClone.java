package dev.racecheck.it.arrays;

/**
 * An array's clone() reads every element: it races with an unordered write of one.
 * Expected: race on array element double[0]
 */
public final class RaceArrayClone {
    static volatile Object sink;

    public static void main(String[] args) throws Exception {
        double[] weights = new double[2];
        Thread writer = new Thread(() -> weights[0] = 0.5, "writer"); // racy access
        Thread cloner = new Thread(() -> sink = weights.clone(), "cloner"); // racy access
        writer.start();
        cloner.start();
        writer.join();
        cloner.join();
        System.out.println("RaceArrayClone: done");
    }
}
