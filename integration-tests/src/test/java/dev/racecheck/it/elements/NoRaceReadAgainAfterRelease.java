package dev.racecheck.it.elements;

/**
 * {@link RaceReadAgainAfterRelease} with both of main's reads made before the volatile write that publishes.
 * Expected: no race
 */
public final class NoRaceReadAgainAfterRelease {
    static volatile boolean published;

    public static void main(String[] args) throws Exception {
        int[] a = new int[512];
        Thread writer = new Thread(() -> {
            while (!published) {
                Thread.onSpinWait();
            }
            a[300] = 1;
        }, "writer");
        writer.start();
        int first = a[300];
        int second = a[300];
        published = true;
        writer.join();
        System.out.println("NoRaceReadAgainAfterRelease: " + first + " " + second + " " + a[300]);
    }
}
