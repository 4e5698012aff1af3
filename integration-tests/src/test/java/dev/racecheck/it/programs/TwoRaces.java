package dev.racecheck.it.programs;

/**
 * Two distinct races, the second 400 ms after the first, so that halt_on_error=1 stops the JVM in between.
 * Expected: race on static field dev.racecheck.it.programs.TwoRaces.first
 */
public final class TwoRaces {
    static int first;
    static int second;

    public static void main(String[] args) throws InterruptedException {
        System.out.println(Programs.marker(TwoRaces.class));
        Thread writer = new Thread(() -> {
            first = 1; // racy access
            Programs.sleep(300);
            second = 1; // racy access
        }, "writer");
        writer.start();
        Programs.sleep(100);
        first = 2; // racy access
        Programs.sleep(400);
        second = 2; // racy access
        writer.join();
        System.out.println("TwoRaces: done");
    }
}
