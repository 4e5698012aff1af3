package dev.racecheck.samples;

/**
 * Thread.start() orders everything before it before the new thread, and join() orders the whole thread before what follows it.
 * Expected: no race
 */
public class NoRaceStartJoin {
    static int input;
    static int output;

    public static void main(String[] args) throws InterruptedException {
        input = 20; // before start(): the worker sees it
        Thread worker = new Thread(() -> {
            output = input + 22;
        }, "worker");
        worker.start();
        worker.join(); // after join(): main sees everything the worker wrote
        System.out.println("output = " + output);
    }
}
