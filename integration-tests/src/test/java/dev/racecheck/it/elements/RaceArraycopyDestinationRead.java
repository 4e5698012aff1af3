package dev.racecheck.it.elements;

/**
 * One thread copies a long[2048] into another with System.arraycopy (a write of every destination element, at the
 * call), another reads destination element 1024 once the first has ended (in time only): nothing orders the copy
 * before the read.
 * Expected: race on array element long[1024]
 */
public final class RaceArraycopyDestinationRead {
    static volatile long seen;

    public static void main(String[] args) throws Exception {
        long[] src = new long[2048];
        for (int i = 0; i < src.length; i++) src[i] = i;
        long[] dst = new long[2048];
        Thread copier = new Thread(() -> System.arraycopy(src, 0, dst, 0, src.length), "copier"); // racy access
        Thread reader = new Thread(() -> {
            Waits.awaitEnd(copier);
            seen = dst[1024]; // racy access
        }, "reader");
        copier.start();
        reader.start();
        copier.join();
        reader.join();
        System.out.println("RaceArraycopyDestinationRead: " + seen);
    }
}
