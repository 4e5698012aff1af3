package dev.racecheck.it.elements;

/**
 * {@link RaceHandoffInt100000At1024Sweep} with a volatile flag: main sets it after its write and read-back, the
 * reader sums the array once it has seen the flag.
 * Expected: no race
 */
public final class NoRaceHandoffInt100000At1024Sweep {
    static volatile boolean ready;
    static volatile long seen;

    public static void main(String[] args) throws Exception {
        int[] a = new int[100_000];
        Thread reader = new Thread(() -> {
            while (!ready) {
                Thread.onSpinWait();
            }
            long sum = 0;
            for (int k = 0; k < a.length; k++) sum += a[k];
            seen = sum;
        }, "reader");
        reader.start();
        a[1024] = 42;
        int back = a[1024];
        ready = true;
        reader.join();
        if (seen != 42) throw new AssertionError(seen);
        System.out.println("NoRaceHandoffInt100000At1024Sweep: " + back + " " + seen);
    }
}
