package dev.racecheck.it.edges;

/**
 * Synchronized methods, edge broken: a static synchronized method locks the Class, an instance one locks the
 * object; two different monitors order nothing.
 * Expected: race on field dev.racecheck.it.edges.RaceSynchronizedMethod$Counter.value
 */
public final class RaceSynchronizedMethod {
    static final class Counter {
        private int value;

        static synchronized void set(Counter c, int v) {
            c.value = v; // racy access
        }

        synchronized int get() {
            return value; // racy access
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Edges.warmUp();
        Counter counter = new Counter();
        Thread writer = new Thread(() -> Counter.set(counter, 42), "writer");
        writer.start();
        Edges.sleep(100);
        System.out.println("RaceSynchronizedMethod: " + counter.get());
        writer.join();
    }
}
