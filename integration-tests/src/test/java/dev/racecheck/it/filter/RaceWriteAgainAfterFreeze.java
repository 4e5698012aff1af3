package dev.racecheck.it.filter;

/**
 * A constructor writes an array that its final field then freezes: racecheck forgets those writes (JLS 17.5). The
 * constructing thread writes an element again right after the constructor, in the same epoch, and a thread that was
 * handed the array at its start reads that element with nothing ordering the two: the second write is not covered
 * by the freeze, so its check must not be skipped as one already made in this epoch.
 * Expected: race on array element int[100]
 */
public final class RaceWriteAgainAfterFreeze {
    static final class Holder {
        final int[] values;

        Holder(int[] v) {
            for (int i = 0; i < v.length; i++) v[i] = i;
            for (int i = 0; i < v.length; i++) v[i] += i; // checked again in this epoch
            values = v;
        }
    }

    static volatile Object sink;

    public static void main(String[] args) throws Exception {
        sink = new Holder(new int[1000]); // the first freeze of the run loads racecheck's code for it: not here
        int[] v = new int[1000];
        Thread reader = new Thread(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                return;
            }
            System.out.println("RaceWriteAgainAfterFreeze: read " + v[100]); // racy access
        }, "reader");
        reader.start();
        Holder h = new Holder(v);
        v[100] = -1; // racy access
        sink = h; // a release, after the write: the reader does not read sink
        reader.join();
    }
}
