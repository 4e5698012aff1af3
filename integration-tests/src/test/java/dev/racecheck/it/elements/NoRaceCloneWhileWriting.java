package dev.racecheck.it.elements;

/**
 * {@link RaceCloneWhileWriting} with main joining the writer before it starts the cloner.
 * Expected: no race
 */
public final class NoRaceCloneWhileWriting {
    static volatile boolean[] copy;

    public static void main(String[] args) throws Exception {
        boolean[] flags = new boolean[4096];
        Thread writer = new Thread(() -> flags[4095] = true, "writer");
        Thread cloner = new Thread(() -> copy = flags.clone(), "cloner");
        writer.start();
        writer.join();
        cloner.start();
        cloner.join();
        if (!copy[4095]) throw new AssertionError();
        System.out.println("NoRaceCloneWhileWriting: " + copy[4095]);
    }
}
