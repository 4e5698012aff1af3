package dev.racecheck.it.elements;

import java.util.concurrent.Semaphore;

/**
 * {@link RaceHandoffShort1024At1023} with a semaphore: main releases a permit after its write and read-back, the
 * reader acquires it before reading.
 * Expected: no race
 */
public final class NoRaceHandoffShort1024At1023 {
    static volatile short seen;

    public static void main(String[] args) throws Exception {
        short[] a = new short[1024];
        Semaphore written = new Semaphore(0);
        Thread reader = new Thread(() -> {
            written.acquireUninterruptibly();
            seen = a[1023];
        }, "reader");
        reader.start();
        a[1023] = 42;
        short back = a[1023];
        written.release();
        reader.join();
        if (seen != 42) throw new AssertionError(seen);
        System.out.println("NoRaceHandoffShort1024At1023: " + back + " " + seen);
    }
}
