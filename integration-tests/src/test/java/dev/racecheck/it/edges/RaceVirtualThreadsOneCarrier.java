package dev.racecheck.it.edges;

/**
 * No edge: two virtual threads that run one after the other on the same carrier thread are still two threads;
 * the carrier hand-off orders nothing between them.
 * Requires: JDK 21
 * Expected: race on static field dev.racecheck.it.edges.RaceVirtualThreadsOneCarrier.data
 */
public final class RaceVirtualThreadsOneCarrier {
    static int data;

    public static void main(String[] args) throws InterruptedException {
        Edges.warmUp();
        // One carrier thread for all virtual threads (read when the scheduler is created, at the first one).
        System.setProperty("jdk.virtualThreadScheduler.parallelism", "1");
        System.setProperty("jdk.virtualThreadScheduler.maxPoolSize", "1");
        String[] seen = new String[2]; // how each virtual thread describes itself: "VirtualThread[#n]/runnable@carrier"
        Thread writer = Edges.startVirtual(() -> {
            data = 42; // racy access
            seen[0] = Thread.currentThread().toString();
        });
        Thread reader = Edges.startVirtual(() -> {
            Edges.sleep(100);
            System.out.println("RaceVirtualThreadsOneCarrier: " + data); // racy access
            seen[1] = Thread.currentThread().toString();
        });
        writer.join();
        reader.join();
        String carrier0 = seen[0].substring(seen[0].indexOf('@') + 1);
        String carrier1 = seen[1].substring(seen[1].indexOf('@') + 1);
        Edges.check(carrier0.equals(carrier1), "both virtual threads ran on one carrier: " + seen[0] + ", " + seen[1]);
    }
}
