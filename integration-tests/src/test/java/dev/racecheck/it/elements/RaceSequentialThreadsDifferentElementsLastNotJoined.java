package dev.racecheck.it.elements;

/**
 * {@link NoRaceSequentialThreadsDifferentElements} where main reads element 1400, which the last of the 200 threads
 * writes, once that thread has ended but before joining it.
 * Expected: race on array element int[1400]
 */
public final class RaceSequentialThreadsDifferentElementsLastNotJoined {
    public static void main(String[] args) throws Exception {
        int[] a = new int[2048];
        Thread last = null;
        for (int k = 0; k < 200; k++) {
            int i = 7 * k;
            Thread t = new Thread(() -> a[i + 7] = a[i] + 1, "worker-" + k); // racy access
            t.start();
            if (k < 199) t.join();
            last = t;
        }
        Waits.awaitEnd(last); // in time only: the last write is still unordered with the read
        int v = a[1400]; // racy access
        last.join();
        System.out.println("RaceSequentialThreadsDifferentElementsLastNotJoined: " + v);
    }
}
