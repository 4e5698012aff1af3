package dev.racecheck.it.programs;

/**
 * A race, then main throws: the JVM's exit status for an uncaught exception (1) wins.
 * Expected: race on static field dev.racecheck.it.programs.RacyThrows.shared
 */
public final class RacyThrows {
    static int shared;

    public static void main(String[] args) throws InterruptedException {
        System.out.println(Programs.marker(RacyThrows.class));
        Thread writer = new Thread(() -> {
            shared = 1; // racy access
        }, "writer");
        writer.start();
        shared = 2; // racy access
        writer.join();
        throw new IllegalStateException("RacyThrows: boom");
    }
}
