package dev.racecheck.it.elements;

/**
 * Main writes the last element of an int[256] (the smallest arrays the element filters cover) and reads it back; a
 * reader started before the write reads it once main is waiting (in time only), with nothing ordering the write
 * before the read.
 * Expected: race on array element int[255]
 */
public final class RaceHandoffInt256At255 {
    static volatile int seen;

    public static void main(String[] args) throws Exception {
        int[] a = new int[256];
        Thread main = Thread.currentThread();
        Thread reader = new Thread(() -> {
            Waits.awaitState(main, Thread.State.WAITING); // main is in join(): in time only
            seen = a[255]; // racy access
        }, "reader");
        reader.start();
        a[255] = 42; // racy access
        int back = a[255];
        reader.join();
        System.out.println("RaceHandoffInt256At255: " + back + " " + seen);
    }
}
