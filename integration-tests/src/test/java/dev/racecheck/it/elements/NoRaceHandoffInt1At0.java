package dev.racecheck.it.elements;

/**
 * {@link RaceHandoffInt1At0} with a volatile flag: main sets it after its write and read-back, the reader reads the
 * element once it has seen the flag.
 * Expected: no race
 */
public final class NoRaceHandoffInt1At0 {
    static volatile boolean ready;
    static volatile int seen;

    public static void main(String[] args) throws Exception {
        int[] a = new int[1];
        Thread reader = new Thread(() -> {
            while (!ready) {
                Thread.onSpinWait();
            }
            seen = a[0];
        }, "reader");
        reader.start();
        a[0] = 42;
        int back = a[0];
        ready = true;
        reader.join();
        if (seen != 42) throw new AssertionError(seen);
        System.out.println("NoRaceHandoffInt1At0: " + back + " " + seen);
    }
}
