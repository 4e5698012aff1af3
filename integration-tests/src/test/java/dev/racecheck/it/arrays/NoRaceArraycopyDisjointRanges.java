package dev.racecheck.it.arrays;

/**
 * Two threads copy into the two halves of one array at once: the ranges do not overlap, so nothing
 * races (a range is exactly the call's, not the whole array).
 * Expected: no race
 */
public final class NoRaceArraycopyDisjointRanges {
    static volatile Object sink;

    public static void main(String[] args) throws Exception {
        int[] target = new int[8];
        int[] ones = {1, 1, 1, 1};
        Thread low = new Thread(() -> System.arraycopy(ones, 0, target, 0, 4), "low");
        Thread high = new Thread(() -> System.arraycopy(ones, 0, target, 4, 4), "high");
        low.start();
        high.start();
        low.join();
        high.join();
        sink = target;
        System.out.println("NoRaceArraycopyDisjointRanges: done");
    }
}
