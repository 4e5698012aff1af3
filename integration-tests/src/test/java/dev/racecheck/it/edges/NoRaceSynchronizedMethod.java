package dev.racecheck.it.edges;

/**
 * Synchronized methods of one object lock the same monitor (the object): set() happens-before a later get().
 * Expected: no race
 */
public final class NoRaceSynchronizedMethod {
    static final class Counter {
        private int value;

        synchronized void set(int v) {
            value = v;
        }

        synchronized int get() {
            return value;
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Edges.warmUp();
        Counter counter = new Counter();
        Thread writer = new Thread(() -> counter.set(42), "writer");
        writer.start();
        Edges.sleep(100);
        System.out.println("NoRaceSynchronizedMethod: " + counter.get());
        writer.join();
    }
}
