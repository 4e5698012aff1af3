package dev.racecheck.it.elements;

/**
 * Main reads element 300 of an int[512], publishes with a volatile write, and reads the element again right after,
 * with no call in between; a writer writes the element once it has seen the publication. The write is ordered after
 * main's first read, not after its second: that read, in main's next epoch, must be checked (and recorded) although
 * main read the element just before.
 * Expected: race on array element int[300]
 */
public final class RaceReadAgainAfterRelease {
    static volatile boolean published;

    public static void main(String[] args) throws Exception {
        int[] a = new int[512];
        Thread writer = new Thread(() -> {
            while (!published) {
                Thread.onSpinWait();
            }
            a[300] = 1; // racy access
        }, "writer");
        writer.start();
        int first = a[300];
        published = true;
        int second = a[300]; // racy access
        writer.join();
        System.out.println("RaceReadAgainAfterRelease: " + first + " " + second);
    }
}
