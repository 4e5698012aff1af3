package dev.racecheck.samples;

/**
 * Static fields are shared by every thread, so unsynchronized updates of one race just like instance fields.
 * Expected: race on static field dev.racecheck.samples.RaceStaticField.total
 */
public class RaceStaticField {
    static int total;

    static void add(int amount) {
        total += amount; // racy access
    }

    public static void main(String[] args) throws InterruptedException {
        Thread a = new Thread(() -> add(10), "adder-1");
        Thread b = new Thread(() -> add(20), "adder-2");
        a.start();
        b.start();
        a.join();
        b.join();
        System.out.println("total = " + total + " (30 unless an update was lost)");
    }
}
