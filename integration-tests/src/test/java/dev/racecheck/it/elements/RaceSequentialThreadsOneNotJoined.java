package dev.racecheck.it.elements;

/**
 * {@link NoRaceSequentialThreadsDifferentElements} where main does not join thread 100 before starting thread 101
 * (it waits for its end in time only, and joins it at the end): thread 100's write of element 707 is unordered with
 * thread 101's read of it. The ended, unjoined thread's clock slot must not pass to a thread its starter does not
 * cover.
 * Expected: race on array element int[707]
 */
public final class RaceSequentialThreadsOneNotJoined {
    public static void main(String[] args) throws Exception {
        int[] a = new int[2048];
        Thread unjoined = null;
        for (int k = 0; k < 200; k++) {
            int i = 7 * k;
            Thread t = new Thread(() -> a[i + 7] = a[i] + 1, "worker-" + k); // racy access
            t.start();
            if (k == 100) {
                unjoined = t;
                Waits.awaitEnd(t);
            } else {
                t.join();
            }
        }
        unjoined.join();
        System.out.println("RaceSequentialThreadsOneNotJoined: " + a[1400]);
    }
}
