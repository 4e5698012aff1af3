package dev.racecheck.it.elements;

/**
 * {@link RaceLoopWritesPastVolatileRelease} with the reader reading element 300, which the loop writes before the
 * volatile write at element 500: that write is ordered before the read (the loop's writes must not all be checked as
 * if made after it ran either).
 * Expected: no race
 */
public final class NoRaceLoopWritesPastVolatileRelease {
    static volatile boolean published;
    static volatile int seen;

    public static void main(String[] args) throws Exception {
        int[] a = new int[1024];
        Thread reader = new Thread(() -> {
            while (!published) {
                Thread.onSpinWait();
            }
            seen = a[300];
        }, "reader");
        reader.start();
        for (int k = 0; k < a.length; k++) {
            if (k == 500) published = true;
            a[k] = k + 1;
        }
        reader.join();
        if (seen != 301) throw new AssertionError(seen);
        System.out.println("NoRaceLoopWritesPastVolatileRelease: " + seen);
    }
}
