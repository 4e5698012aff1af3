package dev.racecheck.it.elements;

/**
 * {@link RaceReadSharedByThreeWriterJoinedOne} with the first reader joining both other readers before it writes the
 * element: the write is ordered after all three reads.
 * Expected: no race
 */
public final class NoRaceReadSharedByThreeWriterJoinedBoth {
    static volatile Object seen1;
    static volatile Object seen2;
    static volatile Object seen3;

    public static void main(String[] args) throws Exception {
        Object[] a = new Object[300];
        a[299] = "initial";
        Thread reader2 = new Thread(() -> seen2 = a[299], "reader-2");
        Thread reader3 = new Thread(() -> seen3 = a[299], "reader-3");
        Thread reader1 = new Thread(() -> {
            seen1 = a[299];
            try {
                reader2.join();
                reader3.join();
            } catch (InterruptedException e) {
                return;
            }
            a[299] = "replaced";
        }, "reader-1");
        reader2.start();
        reader3.start();
        reader1.start();
        reader1.join();
        System.out.println("NoRaceReadSharedByThreeWriterJoinedBoth: " + seen1 + seen2 + seen3 + a[299]);
    }
}
