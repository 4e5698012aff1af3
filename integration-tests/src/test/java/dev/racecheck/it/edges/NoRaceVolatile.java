package dev.racecheck.it.edges;

/**
 * Volatile (JLS 17.4.5): a write to a volatile field happens-before every subsequent read of that field.
 * Expected: no race
 */
public final class NoRaceVolatile {
    static volatile boolean ready;
    static int data;

    public static void main(String[] args) throws InterruptedException {
        Edges.warmUp();
        Thread writer = new Thread(() -> {
            data = 42;
            ready = true;
        }, "writer");
        writer.start();
        while (!ready) {
            Thread.onSpinWait();
        }
        System.out.println("NoRaceVolatile: " + data);
        writer.join();
    }
}
