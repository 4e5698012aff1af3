package dev.racecheck.it.elements;

/**
 * Main writes element 1023 of a long[1024], publishes with a volatile write, and writes the element again right
 * after, with no call in between; a reader reads the element once it has seen the publication. The read is ordered
 * after main's first write, not after its second.
 * Expected: race on array element long[1023]
 */
public final class RaceWriteAgainAfterRelease {
    static volatile boolean published;
    static volatile long seen;

    public static void main(String[] args) throws Exception {
        long[] a = new long[1024];
        Thread reader = new Thread(() -> {
            while (!published) {
                Thread.onSpinWait();
            }
            seen = a[1023]; // racy access
        }, "reader");
        reader.start();
        a[1023] = 1;
        published = true;
        a[1023] = 2; // racy access
        reader.join();
        System.out.println("RaceWriteAgainAfterRelease: " + seen);
    }
}
