package dev.racecheck.it.elements;

/**
 * {@link RaceUnjoinedWriterAfterManyThreadsAndGc} with main joining the first thread before the 200 others.
 * Expected: no race
 */
public final class NoRaceUnjoinedWriterAfterManyThreadsAndGc {
    static volatile int sink;

    public static void main(String[] args) throws Exception {
        int[] a = new int[300];
        Thread first = new Thread(() -> a[5] = 42, "first");
        first.start();
        first.join();
        for (int k = 0; k < 200; k++) {
            int i = 10 + (k % 280);
            Thread t = new Thread(() -> sink = a[i], "worker-" + k);
            t.start();
            t.join();
            if (k % 50 == 49) System.gc();
        }
        int v = a[5];
        if (v != 42) throw new AssertionError(v);
        System.out.println("NoRaceUnjoinedWriterAfterManyThreadsAndGc: " + v);
    }
}
