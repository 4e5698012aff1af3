package dev.racecheck.it.elements;

/**
 * {@link RaceReadSharedWriteAfterMonitor} with both readers counting themselves done under the monitor: the writer
 * sees two done, so its write is ordered after both reads.
 * Expected: no race
 */
public final class NoRaceReadSharedWriteAfterMonitor {
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
        Thread reader2 = new Thread(() -> {
            seen2 = a[512];
            synchronized (lock) {
                done++;
            }
        }, "reader-2");
        Thread writer = new Thread(() -> {
            while (true) {
                synchronized (lock) {
                    if (done == 2) break;
                }
                Thread.onSpinWait();
            }
            a[512] = false;
        }, "writer");
        reader1.start();
        reader2.start();
        writer.start();
        reader1.join();
        reader2.join();
        writer.join();
        System.out.println("NoRaceReadSharedWriteAfterMonitor: " + seen1 + seen2 + a[512]);
    }
}
