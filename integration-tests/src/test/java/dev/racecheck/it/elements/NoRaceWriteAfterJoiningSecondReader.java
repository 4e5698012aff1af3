package dev.racecheck.it.elements;

/**
 * {@link RaceWriteAfterJoiningSecondReader} with main joining the first reader too before it writes: the write is
 * ordered after both reads of the read-shared element.
 * Expected: no race
 */
public final class NoRaceWriteAfterJoiningSecondReader {
    static volatile byte seen1;
    static volatile byte seen2;

    public static void main(String[] args) throws Exception {
        byte[] a = new byte[3000];
        a[2999] = 7;
        Thread reader1 = new Thread(() -> seen1 = a[2999], "reader-1");
        Thread reader2 = new Thread(() -> {
            Waits.awaitEnd(reader1);
            seen2 = a[2999];
        }, "reader-2");
        reader1.start();
        reader2.start();
        reader2.join();
        reader1.join();
        a[2999] = 8;
        System.out.println("NoRaceWriteAfterJoiningSecondReader: " + (seen1 + seen2 + a[2999]));
    }
}
