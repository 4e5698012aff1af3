package dev.racecheck.it.elements;

/**
 * {@link RaceWriteAfterJoiningFirstReader} with main joining the second reader too before it writes: the write is
 * ordered after both reads of the read-shared element.
 * Expected: no race
 */
public final class NoRaceWriteAfterJoiningFirstReader {
    static volatile long seen1;
    static volatile long seen2;

    public static void main(String[] args) throws Exception {
        long[] a = new long[5000];
        a[4999] = 7;
        Thread reader1 = new Thread(() -> seen1 = a[4999], "reader-1");
        Thread reader2 = new Thread(() -> {
            Waits.awaitEnd(reader1);
            seen2 = a[4999];
        }, "reader-2");
        reader1.start();
        reader2.start();
        reader1.join();
        reader2.join();
        a[4999] = 8;
        System.out.println("NoRaceWriteAfterJoiningFirstReader: " + (seen1 + seen2 + a[4999]));
    }
}
