package dev.racecheck.it.elements;

/**
 * Two readers read element 2999 of a byte[3000], the second once the first has ended (in time only: the element is
 * read-shared); main joins the second reader, not the first, then writes the element. Its write is ordered after the
 * later read but not after the earlier one.
 * Expected: race on array element byte[2999]
 */
public final class RaceWriteAfterJoiningSecondReader {
    static volatile byte seen1;
    static volatile byte seen2;

    public static void main(String[] args) throws Exception {
        byte[] a = new byte[3000];
        a[2999] = 7;
        Thread reader1 = new Thread(() -> seen1 = a[2999], "reader-1"); // racy access
        Thread reader2 = new Thread(() -> {
            Waits.awaitEnd(reader1);
            seen2 = a[2999];
        }, "reader-2");
        reader1.start();
        reader2.start();
        reader2.join();
        a[2999] = 8; // racy access
        reader1.join();
        System.out.println("RaceWriteAfterJoiningSecondReader: " + (seen1 + seen2 + a[2999]));
    }
}
