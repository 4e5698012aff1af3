package dev.racecheck.it.filter;

/**
 * {@link RaceWriteAgainAfterFreeze} with the reader ordered after the second write (a volatile flag): no race.
 * Expected: no race
 */
public final class NoRaceWritesBeforeFreeze {
    static final class Holder {
        final int[] values;

        Holder(int[] v) {
            for (int i = 0; i < v.length; i++) v[i] = i;
            for (int i = 0; i < v.length; i++) v[i] += i; // checked again in this epoch
            values = v;
        }
    }

    static volatile Object sink;
    static volatile boolean written;

    public static void main(String[] args) throws Exception {
        sink = new Holder(new int[1000]); // the first freeze of the run loads racecheck's code for it: not here
        int[] v = new int[1000];
        Thread reader = new Thread(() -> {
            while (!written) Thread.onSpinWait();
            System.out.println("NoRaceWritesBeforeFreeze: read " + v[100]);
        }, "reader");
        reader.start();
        Holder h = new Holder(v);
        v[100] = -1;
        sink = h;
        written = true;
        reader.join();
    }
}
