package dev.racecheck.it.elements;

/**
 * Main writes element 1024 of an int[100_000] (the first element of the element filters' second page) and reads it
 * back; a reader started before the write sums the whole array in one loop once main is waiting (in time only), with
 * nothing ordering the write before its read of element 1024.
 * Expected: race on array element int[1024]
 */
public final class RaceHandoffInt100000At1024Sweep {
    static volatile long seen;

    public static void main(String[] args) throws Exception {
        int[] a = new int[100_000];
        Thread main = Thread.currentThread();
        Thread reader = new Thread(() -> {
            Waits.awaitState(main, Thread.State.WAITING); // main is in join(): in time only
            long sum = 0;
            for (int k = 0; k < a.length; k++) sum += a[k]; // racy access
            seen = sum;
        }, "reader");
        reader.start();
        a[1024] = 42; // racy access
        int back = a[1024];
        reader.join();
        System.out.println("RaceHandoffInt100000At1024Sweep: " + back + " " + seen);
    }
}
