package dev.racecheck.it.elements;

import java.util.Arrays;

/**
 * Both accesses inside the JDK: one thread fills elements 0 to 10 of an int[300] with Arrays.fill, another copies
 * elements 10 to 29 out with System.arraycopy once the first has ended (in time only). The ranges share element 10
 * only, and nothing orders the fill before the copy.
 * Expected: race on array element int[10]
 */
public final class RaceFillVsArraycopy {
    static volatile int[] sink;

    public static void main(String[] args) throws Exception {
        int[] a = new int[300];
        int[] b = new int[20];
        Thread filler = new Thread(() -> Arrays.fill(a, 0, 11, 1), "filler"); // racy access
        Thread copier = new Thread(() -> {
            Waits.awaitEnd(filler);
            System.arraycopy(a, 10, b, 0, 20); // racy access
            sink = b;
        }, "copier");
        filler.start();
        copier.start();
        filler.join();
        copier.join();
        System.out.println("RaceFillVsArraycopy: " + b[0]);
    }
}
