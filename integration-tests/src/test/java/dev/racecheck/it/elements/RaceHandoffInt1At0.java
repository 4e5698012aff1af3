package dev.racecheck.it.elements;

/**
 * Main writes the only element of an int[1] and reads it back; a reader started before the write reads it once main
 * is waiting (in time only), with nothing ordering the write before the read.
 * Expected: race on array element int[0]
 */
public final class RaceHandoffInt1At0 {
    static volatile int seen;

    public static void main(String[] args) throws Exception {
        int[] a = new int[1];
        Thread main = Thread.currentThread();
        Thread reader = new Thread(() -> {
            Waits.awaitState(main, Thread.State.WAITING); // main is in join(): in time only
            seen = a[0]; // racy access
        }, "reader");
        reader.start();
        a[0] = 42; // racy access
        int back = a[0];
        reader.join();
        System.out.println("RaceHandoffInt1At0: " + back + " " + seen);
    }
}
