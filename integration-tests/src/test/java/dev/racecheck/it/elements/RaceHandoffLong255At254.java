package dev.racecheck.it.elements;

/**
 * Main writes the last element of a long[255] (one element short of the arrays the element filters cover) and reads
 * it back; a reader started before the write reads it once main is waiting (in time only), with nothing ordering the
 * write before the read.
 * Expected: race on array element long[254]
 */
public final class RaceHandoffLong255At254 {
    static volatile long seen;

    public static void main(String[] args) throws Exception {
        long[] a = new long[255];
        Thread main = Thread.currentThread();
        Thread reader = new Thread(() -> {
            Waits.awaitState(main, Thread.State.WAITING); // main is in join(): in time only
            seen = a[254]; // racy access
        }, "reader");
        reader.start();
        a[254] = 42; // racy access
        long back = a[254];
        reader.join();
        System.out.println("RaceHandoffLong255At254: " + back + " " + seen);
    }
}
