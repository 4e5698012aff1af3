package dev.racecheck.samples;

/**
 * A volatile flag publishes the plain data written before it to any thread that reads the flag as set.
 * Expected: no race
 */
public class NoRaceVolatilePublication {
    static int data;               // a plain field
    static volatile boolean ready; // the volatile flag that publishes it

    public static void main(String[] args) throws InterruptedException {
        int[] seen = new int[1];
        Thread reader = new Thread(() -> {
            while (!ready) {
                Thread.onSpinWait();
            }
            // The volatile write of ready happens before the volatile read that saw it true,
            // so the write of data (before it in the writer) happens before this read.
            seen[0] = data;
        }, "reader");
        Thread writer = new Thread(() -> {
            data = 42;
            ready = true; // volatile write, after the data
        }, "writer");
        reader.start();
        writer.start();
        reader.join();
        writer.join();
        System.out.println("reader saw data = " + seen[0]);
    }
}
