package dev.racecheck.it.elements;

/**
 * One thread writes the last element of a boolean[4096], another clones the array (a read of every element, at the
 * call) once the first has ended (in time only): nothing orders the write before the clone.
 * Expected: race on array element boolean[4095]
 */
public final class RaceCloneWhileWriting {
    static volatile boolean[] copy;

    public static void main(String[] args) throws Exception {
        boolean[] flags = new boolean[4096];
        Thread writer = new Thread(() -> flags[4095] = true, "writer"); // racy access
        Thread cloner = new Thread(() -> {
            Waits.awaitEnd(writer);
            copy = flags.clone(); // racy access
        }, "cloner");
        writer.start();
        cloner.start();
        writer.join();
        cloner.join();
        System.out.println("RaceCloneWhileWriting: " + copy[4095]);
    }
}
