package dev.racecheck.it.elements;

/**
 * 200 short-lived threads, one after the other, each reading element 299 of a long[300]; main waits for each to end
 * with isAlive() (returning false, a happens-before edge like join) before it starts the next, then writes the
 * element.
 * Expected: no race
 */
public final class NoRaceSequentialReadersIsAlive {
    static volatile long seen;

    public static void main(String[] args) throws Exception {
        long[] a = new long[300];
        a[299] = 5;
        for (int k = 0; k < 200; k++) {
            Thread t = new Thread(() -> seen = a[299], "reader-" + k);
            t.start();
            while (t.isAlive()) {
                Thread.onSpinWait();
            }
        }
        a[299] = 6;
        System.out.println("NoRaceSequentialReadersIsAlive: " + seen + " " + a[299]);
    }
}
