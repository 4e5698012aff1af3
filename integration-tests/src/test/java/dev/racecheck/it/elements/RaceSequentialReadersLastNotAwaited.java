package dev.racecheck.it.elements;

/**
 * {@link NoRaceSequentialReadersIsAlive} where main waits for the end of the last of the 200 readers by polling
 * getState(), which is no edge, before it writes the element: the last read is unordered with the write.
 * Expected: race on array element long[299]
 */
public final class RaceSequentialReadersLastNotAwaited {
    static volatile long seen;

    public static void main(String[] args) throws Exception {
        long[] a = new long[300];
        a[299] = 5;
        Thread last = null;
        for (int k = 0; k < 200; k++) {
            Thread t = new Thread(() -> seen = a[299], "reader-" + k); // racy access
            t.start();
            if (k < 199) {
                while (t.isAlive()) {
                    Thread.onSpinWait();
                }
            }
            last = t;
        }
        Waits.awaitEnd(last); // in time only: the last read is still unordered with the write
        a[299] = 6; // racy access
        last.join();
        System.out.println("RaceSequentialReadersLastNotAwaited: " + seen + " " + a[299]);
    }
}
