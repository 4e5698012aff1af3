package dev.racecheck.it.elements;

/**
 * {@link NoRaceSequentialThreadsSameElement} where main reads the element once the last of the 200 threads has
 * ended but before joining it: that thread's increment is unordered with the read.
 * Expected: race on array element int[255]
 */
public final class RaceSequentialThreadsSameElementLastNotJoined {
    public static void main(String[] args) throws Exception {
        int[] a = new int[256];
        Thread last = null;
        for (int k = 0; k < 200; k++) {
            Thread t = new Thread(() -> a[255]++, "worker-" + k); // racy access
            t.start();
            if (k < 199) t.join();
            last = t;
        }
        Waits.awaitEnd(last); // in time only: the last increment is still unordered with the read
        int total = a[255]; // racy access
        last.join();
        System.out.println("RaceSequentialThreadsSameElementLastNotJoined: " + total);
    }
}
