package dev.racecheck.samples;

/**
 * Each array element is a variable of its own: two threads writing the same element race (write-write).
 * Expected: race on array element int[0]
 */
public class RaceArrayElement {
    public static void main(String[] args) throws InterruptedException {
        int[] slots = new int[4];
        Thread a = new Thread(() -> {
            slots[0] = 1; // racy access
        }, "writer-1");
        Thread b = new Thread(() -> {
            // BUG: meant slots[1]; an off-by-one makes both threads write element 0.
            slots[0] = 2; // racy access
        }, "writer-2");
        a.start();
        b.start();
        a.join();
        b.join();
        System.out.println("slots[0] = " + slots[0] + " (1 or 2, whoever wrote last)");
    }
}
