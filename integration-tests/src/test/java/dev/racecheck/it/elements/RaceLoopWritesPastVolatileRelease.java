package dev.racecheck.it.elements;

/**
 * Main writes every element of an int[1024] in one loop that publishes with a volatile write when it reaches element
 * 500; a reader reads element 700 once it has seen the publication. Element 700 is written after the release, so
 * the read is unordered with that write: the loop's writes must not all be checked as if made before it ran.
 * Expected: race on array element int[700]
 */
public final class RaceLoopWritesPastVolatileRelease {
    static volatile boolean published;
    static volatile int seen;

    public static void main(String[] args) throws Exception {
        int[] a = new int[1024];
        Thread reader = new Thread(() -> {
            while (!published) {
                Thread.onSpinWait();
            }
            seen = a[700]; // racy access
        }, "reader");
        reader.start();
        for (int k = 0; k < a.length; k++) {
            if (k == 500) published = true;
            a[k] = k + 1; // racy access
        }
        reader.join();
        System.out.println("RaceLoopWritesPastVolatileRelease: " + seen);
    }
}
