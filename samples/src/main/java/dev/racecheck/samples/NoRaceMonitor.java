package dev.racecheck.samples;

/**
 * Synchronized blocks on one shared lock object order every access to the data they guard.
 * Expected: no race
 */
public class NoRaceMonitor {
    private static final Object LOCK = new Object();
    private static int total;     // guarded by LOCK
    private static int additions; // guarded by LOCK

    static void addAll(int from, int to) {
        for (int i = from; i <= to; i++) {
            synchronized (LOCK) {
                total += i;
                additions++;
            }
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Thread low = new Thread(() -> addAll(1, 50), "adder-low");
        Thread high = new Thread(() -> addAll(51, 100), "adder-high");
        low.start();
        high.start();
        low.join();
        high.join();
        synchronized (LOCK) { // not needed after join(), but harmless
            System.out.println("total = " + total + " after " + additions + " additions");
        }
    }
}
