package dev.racecheck.it.elements;

/**
 * 200 short-lived threads, one after the other: thread k reads element 7k of an int[2048], which thread k-1 wrote,
 * and writes element 7k+7 (past the first 1,024-element page from k = 146 on). Main joins each before it starts the
 * next, and reads every element after joining the last.
 * Expected: no race
 */
public final class NoRaceSequentialThreadsDifferentElements {
    public static void main(String[] args) throws Exception {
        int[] a = new int[2048];
        for (int k = 0; k < 200; k++) {
            int i = 7 * k;
            Thread t = new Thread(() -> a[i + 7] = a[i] + 1, "worker-" + k);
            t.start();
            t.join();
        }
        long sum = 0;
        for (int v : a) sum += v;
        if (a[1400] != 200) throw new AssertionError(a[1400]);
        System.out.println("NoRaceSequentialThreadsDifferentElements: " + sum);
    }
}
