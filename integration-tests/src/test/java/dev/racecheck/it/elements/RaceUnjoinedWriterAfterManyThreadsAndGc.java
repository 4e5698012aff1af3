package dev.racecheck.it.elements;

/**
 * A first thread writes element 5 of an int[300] and ends; main never joins it (it waits for its end in time only),
 * then starts and joins 200 short-lived threads, collecting garbage in between, and reads the element. The write
 * still holds the first thread's clock slot: no later thread, joined or not, may take it over in a way that orders
 * the write before main's read.
 * Expected: race on array element int[5]
 */
public final class RaceUnjoinedWriterAfterManyThreadsAndGc {
    static volatile int sink;

    public static void main(String[] args) throws Exception {
        int[] a = new int[300];
        Thread first = new Thread(() -> a[5] = 42, "first"); // racy access
        first.start();
        Waits.awaitEnd(first);
        for (int k = 0; k < 200; k++) {
            int i = 10 + (k % 280);
            Thread t = new Thread(() -> sink = a[i], "worker-" + k);
            t.start();
            t.join();
            if (k % 50 == 49) System.gc();
        }
        int v = a[5]; // racy access
        first.join();
        System.out.println("RaceUnjoinedWriterAfterManyThreadsAndGc: " + v);
    }
}
