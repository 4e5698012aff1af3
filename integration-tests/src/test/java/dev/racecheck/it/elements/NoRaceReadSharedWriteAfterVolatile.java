package dev.racecheck.it.elements;

/**
 * {@link RaceReadSharedWriteAfterVolatile} with a volatile flag from each reader: the writer reads both before it
 * writes, so the write is ordered after both reads.
 * Expected: no race
 */
public final class NoRaceReadSharedWriteAfterVolatile {
    static volatile boolean firstRead;
    static volatile boolean secondRead;
    static volatile char seen1;
    static volatile char seen2;

    public static void main(String[] args) throws Exception {
        char[] a = new char[2048];
        a[1024] = 'r';
        Thread reader1 = new Thread(() -> {
            seen1 = a[1024];
            firstRead = true;
        }, "reader-1");
        Thread reader2 = new Thread(() -> {
            seen2 = a[1024];
            secondRead = true;
        }, "reader-2");
        Thread writer = new Thread(() -> {
            while (!firstRead || !secondRead) {
                Thread.onSpinWait();
            }
            a[1024] = 'w';
        }, "writer");
        reader1.start();
        reader2.start();
        writer.start();
        reader1.join();
        reader2.join();
        writer.join();
        System.out.println("NoRaceReadSharedWriteAfterVolatile: " + seen1 + seen2 + a[1024]);
    }
}
