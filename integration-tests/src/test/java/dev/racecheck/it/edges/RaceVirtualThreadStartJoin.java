package dev.racecheck.it.edges;

/**
 * Virtual thread start/join, edge removed: main reads before join().
 * Requires: JDK 21
 * Expected: race on static field dev.racecheck.it.edges.RaceVirtualThreadStartJoin.data
 */
public final class RaceVirtualThreadStartJoin {
    static int data;

    public static void main(String[] args) throws InterruptedException {
        Edges.warmUp();
        Thread virtual = Edges.startVirtual(() -> {
            data = 42; // racy access
        });
        Edges.sleep(100);
        System.out.println("RaceVirtualThreadStartJoin: " + data); // racy access
        virtual.join();
    }
}
