package dev.racecheck.it.containers;

/**
 * RaceStringBuilder with the second append after joining the first thread.
 * Expected: no race
 */
public final class NoRaceStringBuilderJoin {
    public static void main(String[] args) throws Exception {
        Programs.warmUp();
        StringBuilder out = new StringBuilder();
        Thread a = Programs.thread("writer-a", () -> out.append("first;"));
        a.start();
        a.join();
        out.append(2L);
        System.out.println("NoRaceStringBuilderJoin: " + out);
    }
}
