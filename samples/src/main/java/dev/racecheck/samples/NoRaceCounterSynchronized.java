package dev.racecheck.samples;

/**
 * The counter from RaceCounter, fixed with a synchronized block: one thread at a time reads and writes it.
 * Expected: no race
 */
public class NoRaceCounterSynchronized {
    private final Object lock = new Object();
    private int value;

    void next() {
        // Unlocking a monitor happens before every later lock of the same monitor.
        synchronized (lock) {
            int c = value;
            value = c + 1;
        }
    }

    public static void main(String[] args) throws InterruptedException {
        NoRaceCounterSynchronized counter = new NoRaceCounterSynchronized();
        Thread[] workers = new Thread[3];
        for (int i = 0; i < workers.length; i++) {
            workers[i] = new Thread(counter::next, "worker-" + (i + 1));
            workers[i].start();
        }
        for (Thread w : workers) {
            w.join();
        }
        System.out.println("value = " + counter.value);
    }
}
