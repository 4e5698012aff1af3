package dev.racecheck.it.elements;

/**
 * Two readers read element 512 of a boolean[1024] with nothing ordering them; the first then counts itself done
 * under a monitor, and a writer takes that monitor until it sees one reader done, then writes the element. The
 * second reader never takes the monitor: its read is unordered with the write.
 * Expected: race on array element boolean[512]
 */
public final class RaceReadSharedWriteAfterMonitor {
    static final Object lock = new Object();
    static int done; // guarded by lock
    static volatile boolean seen1;
    static volatile boolean seen2;

    public static void main(String[] args) throws Exception {
        boolean[] a = new boolean[1024];
        a[512] = true;
        Thread reader1 = new Thread(() -> {
            seen1 = a[512];
            synchronized (lock) {
                done++;
            }
        }, "reader-1");
        Thread reader2 = new Thread(() -> seen2 = a[512], "reader-2"); // racy access
        Thread writer = new Thread(() -> {
            while (true) {
                synchronized (lock) {
                    if (done >= 1) break;
                }
                Thread.onSpinWait();
            }
            Waits.awaitEnd(reader2); // in time only: the second read is still unordered with the write
            a[512] = false; // racy access
        }, "writer");
        reader1.start();
        reader2.start();
        writer.start();
        reader1.join();
        reader2.join();
        writer.join();
        System.out.println("RaceReadSharedWriteAfterMonitor: " + seen1 + seen2 + a[512]);
    }
}
