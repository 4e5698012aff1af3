package dev.racecheck.samples;

/**
 * Without volatile, a flag publishes nothing: the reader's reads of the flag and the data race with the writes.
 * Expected: race on static field dev.racecheck.samples.RaceNonVolatilePublication.data
 */
public class RaceNonVolatilePublication {
    static int data;
    static boolean ready; // BUG: should be volatile

    public static void main(String[] args) throws InterruptedException {
        String[] seen = new String[1];
        Thread reader = new Thread(() -> {
            // A real reader would spin on the flag, and without volatile it might spin forever.
            // Sleeping lets main write first, but orders nothing.
            sleep(100);
            boolean sawReady = ready; // racy access
            int sawData = data; // racy access
            seen[0] = "ready = " + sawReady + ", data = " + sawData;
        }, "reader");
        reader.start();
        data = 42; // racy access
        ready = true; // racy access
        reader.join();
        System.out.println("reader saw " + seen[0]);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
