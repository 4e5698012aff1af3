package dev.racecheck.it.elements;

/**
 * {@link RaceArraycopyDestinationRead} with a volatile flag the copier sets after System.arraycopy and the reader
 * reads before the element.
 * Expected: no race
 */
public final class NoRaceArraycopyDestinationRead {
    static volatile boolean copied;
    static volatile long seen;

    public static void main(String[] args) throws Exception {
        long[] src = new long[2048];
        for (int i = 0; i < src.length; i++) src[i] = i;
        long[] dst = new long[2048];
        Thread copier = new Thread(() -> {
            System.arraycopy(src, 0, dst, 0, src.length);
            copied = true;
        }, "copier");
        Thread reader = new Thread(() -> {
            while (!copied) {
                Thread.onSpinWait();
            }
            seen = dst[1024];
        }, "reader");
        copier.start();
        reader.start();
        copier.join();
        reader.join();
        if (seen != 1024) throw new AssertionError(seen);
        System.out.println("NoRaceArraycopyDestinationRead: " + seen);
    }
}
