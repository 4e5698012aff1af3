package dev.racecheck.it.elements;

/**
 * Main writes the last element of a float[100_000] and reads it back; a reader started before the write reads it
 * once main is waiting (in time only), with nothing ordering the write before the read.
 * Expected: race on array element float[99999]
 */
public final class RaceHandoffFloat100000At99999 {
    static volatile float seen;

    public static void main(String[] args) throws Exception {
        float[] a = new float[100_000];
        Thread main = Thread.currentThread();
        Thread reader = new Thread(() -> {
            Waits.awaitState(main, Thread.State.WAITING); // main is in join(): in time only
            seen = a[99_999]; // racy access
        }, "reader");
        reader.start();
        a[99_999] = 4.2f; // racy access
        float back = a[99_999];
        reader.join();
        System.out.println("RaceHandoffFloat100000At99999: " + back + " " + seen);
    }
}
