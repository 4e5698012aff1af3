package dev.racecheck.it.programs;

/**
 * A race, then System.exit(3): the program's own non-zero status wins, and the report is still printed.
 * Expected: race on static field dev.racecheck.it.programs.RacyExit.shared
 */
public final class RacyExit {
    static int shared;

    public static void main(String[] args) throws InterruptedException {
        System.out.println(Programs.marker(RacyExit.class));
        Thread writer = new Thread(() -> {
            shared = 1; // racy access
        }, "writer");
        writer.start();
        shared = 2; // racy access
        writer.join();
        System.exit(3);
    }
}
