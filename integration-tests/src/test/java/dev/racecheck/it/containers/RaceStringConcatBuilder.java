package dev.racecheck.it.containers;

/**
 * String concatenation turns a StringBuilder into text, while another thread appends to it.
 * Expected: race on java.lang.StringBuilder (StringBuilder.append vs String.valueOf)
 */
public final class RaceStringConcatBuilder {
    public static void main(String[] args) throws Exception {
        Programs.warmUp();
        StringBuilder log = new StringBuilder("start");
        String[] line = new String[1];
        Thread first = Programs.thread("first", () -> {
            log.append(";more"); // racy access
        });
        Thread second = Programs.thread("second", () -> {
            Programs.sleep(100);
            line[0] = "log: " + log; // racy access
        });
        first.start();
        second.start();
        first.join();
        second.join();
        System.out.println("RaceStringConcatBuilder: " + line[0]);
    }
}
