package dev.racecheck.it.elements;

/**
 * Two readers read element 1024 of a char[2048] (the first element of its second page) with nothing ordering them;
 * a third thread writes it once it has read the first reader's volatile flag, set after that reader's read. Nothing
 * orders the second reader's read with the write.
 * Expected: race on array element char[1024]
 */
public final class RaceReadSharedWriteAfterVolatile {
    static volatile boolean firstRead;
    static volatile char seen1;
    static volatile char seen2;

    public static void main(String[] args) throws Exception {
        char[] a = new char[2048];
        a[1024] = 'r';
        Thread reader1 = new Thread(() -> {
            seen1 = a[1024];
            firstRead = true;
        }, "reader-1");
        Thread reader2 = new Thread(() -> seen2 = a[1024], "reader-2"); // racy access
        Thread writer = new Thread(() -> {
            while (!firstRead) {
                Thread.onSpinWait();
            }
            Waits.awaitEnd(reader2); // in time only: the second read is still unordered with the write
            a[1024] = 'w'; // racy access
        }, "writer");
        reader1.start();
        reader2.start();
        writer.start();
        reader1.join();
        reader2.join();
        writer.join();
        System.out.println("RaceReadSharedWriteAfterVolatile: " + seen1 + seen2 + a[1024]);
    }
}
