package dev.racecheck.samples;

/**
 * A long or double shared without synchronization races like any field, and may even be torn into two 32-bit halves.
 * Expected: race on field dev.racecheck.samples.RaceLongField.balance
 */
public class RaceLongField {
    private long balance;
    private double rate;

    public static void main(String[] args) throws InterruptedException {
        RaceLongField account = new RaceLongField();
        String[] seen = new String[1];
        Thread writer = new Thread(() -> {
            account.balance = 5_000_000_000L; // racy access
            account.rate = 0.25; // racy access
        }, "writer");
        Thread auditor = new Thread(() -> {
            sleep(50); // lets the writer go first; orders nothing
            long b = account.balance; // racy access
            double r = account.rate; // racy access
            seen[0] = "balance = " + b + ", rate = " + r;
        }, "auditor");
        writer.start();
        auditor.start();
        writer.join();
        auditor.join();
        System.out.println("auditor saw " + seen[0]);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
