package dev.racecheck.it.elements;

/**
 * Main writes the last element of a short[1024] (the last of the element filters' first page) and reads it back; a
 * reader started before the write reads it once main is waiting (in time only), with nothing ordering the write
 * before the read.
 * Expected: race on array element short[1023]
 */
public final class RaceHandoffShort1024At1023 {
    static volatile short seen;

    public static void main(String[] args) throws Exception {
        short[] a = new short[1024];
        Thread main = Thread.currentThread();
        Thread reader = new Thread(() -> {
            Waits.awaitState(main, Thread.State.WAITING); // main is in join(): in time only
            seen = a[1023]; // racy access
        }, "reader");
        reader.start();
        a[1023] = 42; // racy access
        short back = a[1023];
        reader.join();
        System.out.println("RaceHandoffShort1024At1023: " + back + " " + seen);
    }
}
