package dev.racecheck.it.edges;

/**
 * Virtual threads (JDK 21+) are threads: start() happens-before the virtual thread's actions, which happen-before
 * join() returns.
 * Requires: JDK 21
 * Expected: no race
 */
public final class NoRaceVirtualThreadStartJoin {
    static int data;

    public static void main(String[] args) throws InterruptedException {
        Edges.warmUp();
        data = 21;
        Thread virtual = Edges.startVirtual(() -> data *= 2);
        virtual.join();
        System.out.println("NoRaceVirtualThreadStartJoin: " + data);
    }
}
