package dev.racecheck.it.containers;

/**
 * Two threads append to one StringBuilder (StringBuffer is the synchronized one).
 * Expected: race on java.lang.StringBuilder (StringBuilder.append vs StringBuilder.append)
 */
public final class RaceStringBuilder {
    public static void main(String[] args) throws Exception {
        Programs.warmUp();
        StringBuilder out = new StringBuilder();
        Thread a = Programs.thread("writer-a", () -> out.append("first;")); // racy access
        Thread b = Programs.thread("writer-b", () -> {
            Programs.sleep(100);
            out.append(2L); // racy access
        });
        a.start();
        b.start();
        a.join();
        b.join();
        System.out.println("RaceStringBuilder: " + out);
    }
}
