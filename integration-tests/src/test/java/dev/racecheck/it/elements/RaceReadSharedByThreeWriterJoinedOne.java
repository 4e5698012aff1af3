package dev.racecheck.it.elements;

/**
 * Three threads read element 299 of an Object[300] with nothing ordering them (read-shared by three); the first
 * reader then joins the second, not the third, and writes the element. Its write is ordered after its own read and
 * the second's, not after the third's.
 * Expected: race on array element java.lang.Object[299]
 */
public final class RaceReadSharedByThreeWriterJoinedOne {
    static volatile Object seen1;
    static volatile Object seen2;
    static volatile Object seen3;

    public static void main(String[] args) throws Exception {
        Object[] a = new Object[300];
        a[299] = "initial";
        Thread reader2 = new Thread(() -> seen2 = a[299], "reader-2");
        Thread reader3 = new Thread(() -> seen3 = a[299], "reader-3"); // racy access
        Thread reader1 = new Thread(() -> {
            seen1 = a[299];
            try {
                reader2.join();
            } catch (InterruptedException e) {
                return;
            }
            Waits.awaitEnd(reader3); // in time only: the third read is still unordered with the write
            a[299] = "replaced"; // racy access
        }, "reader-1");
        reader2.start();
        reader3.start();
        reader1.start();
        reader1.join();
        reader3.join();
        System.out.println("RaceReadSharedByThreeWriterJoinedOne: " + seen1 + seen2 + seen3 + a[299]);
    }
}
