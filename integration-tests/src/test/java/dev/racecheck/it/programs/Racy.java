package dev.racecheck.it.programs;

/**
 * One race on a static field; main then returns normally.
 * Expected: race on static field dev.racecheck.it.programs.Racy.shared
 */
public final class Racy {
    static int shared;

    public static void main(String[] args) throws InterruptedException {
        System.out.println(Programs.marker(Racy.class));
        race();
        System.out.println("Racy: done");
    }

    /** A writer thread and main write {@link #shared} with no happens-before between them. */
    static void race() throws InterruptedException {
        Thread writer = new Thread(() -> {
            shared = 1; // racy access
        }, "writer");
        writer.start();
        shared = 2; // racy access
        writer.join();
    }
}
