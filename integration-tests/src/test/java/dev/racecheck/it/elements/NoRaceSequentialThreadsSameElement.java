package dev.racecheck.it.elements;

/**
 * 200 short-lived threads, one after the other, each incrementing element 255 of an int[256]; main joins each before
 * it starts the next, and reads the element after joining the last.
 * Expected: no race
 */
public final class NoRaceSequentialThreadsSameElement {
    public static void main(String[] args) throws Exception {
        int[] a = new int[256];
        for (int k = 0; k < 200; k++) {
            Thread t = new Thread(() -> a[255]++, "worker-" + k);
            t.start();
            t.join();
        }
        int total = a[255];
        if (total != 200) throw new AssertionError(total);
        System.out.println("NoRaceSequentialThreadsSameElement: " + total);
    }
}
