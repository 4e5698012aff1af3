package dev.racecheck.it.programs;

/**
 * Correctly synchronized (start and join), then System.exit(5): racecheck keeps the status and reports nothing.
 * Expected: no race
 */
public final class CleanExit {
    static int shared;

    public static void main(String[] args) throws InterruptedException {
        System.out.println(Programs.marker(CleanExit.class));
        shared = 1;
        Thread worker = new Thread(() -> shared++, "worker");
        worker.start();
        worker.join();
        System.out.println("CleanExit: shared = " + shared);
        System.exit(5);
    }
}
