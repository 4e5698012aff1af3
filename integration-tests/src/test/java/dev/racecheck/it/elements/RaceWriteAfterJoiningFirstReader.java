package dev.racecheck.it.elements;

/**
 * Two readers read element 4999 of a long[5000], the second once the first has ended (in time only: the element is
 * read-shared); main joins the first reader, then writes the element. Its write is ordered after the first read but
 * not after the second.
 * Expected: race on array element long[4999]
 */
public final class RaceWriteAfterJoiningFirstReader {
    static volatile long seen1;
    static volatile long seen2;

    public static void main(String[] args) throws Exception {
        long[] a = new long[5000];
        a[4999] = 7;
        Thread reader1 = new Thread(() -> seen1 = a[4999], "reader-1");
        Thread reader2 = new Thread(() -> {
            Waits.awaitEnd(reader1);
            seen2 = a[4999]; // racy access
        }, "reader-2");
        reader1.start();
        reader2.start();
        reader1.join();
        Waits.awaitEnd(reader2); // in time only: the second read is still unordered with the write below
        a[4999] = 8; // racy access
        reader2.join();
        System.out.println("RaceWriteAfterJoiningFirstReader: " + (seen1 + seen2 + a[4999]));
    }
}
