package dev.racecheck.samples;

/**
 * Three threads increment one shared counter without synchronization, so increments can be lost.
 * Expected: race on field dev.racecheck.samples.RaceCounter.value
 */
public class RaceCounter {
    private int value;

    /** Go's {@code next(&a)}: a read, then a write that depends on it. */
    void next() {
        int c = value; // racy access
        value = c + 1; // racy access
    }

    public static void main(String[] args) throws InterruptedException {
        RaceCounter counter = new RaceCounter();
        Thread[] workers = new Thread[3];
        for (int i = 0; i < workers.length; i++) {
            workers[i] = new Thread(counter::next, "worker-" + (i + 1));
            workers[i].start();
        }
        // join() orders each worker before main's read below, but nothing orders the workers among
        // themselves: two of them can both read 0 and both write 1.
        for (Thread w : workers) {
            w.join();
        }
        System.out.println("value = " + counter.value + " (3 unless an increment was lost)");
    }
}
