package dev.racecheck.it.edges;

/**
 * Interrupting a virtual thread, edge broken: main writes after interrupt().
 * Requires: JDK 21
 * Expected: race on static field dev.racecheck.it.edges.RaceVirtualThreadInterrupt.data
 */
public final class RaceVirtualThreadInterrupt {
    static int data;

    public static void main(String[] args) throws InterruptedException {
        Edges.warmUp();
        Thread virtual = Edges.startVirtual(() -> {
            try {
                Thread.sleep(30_000);
                Edges.check(false, "the virtual thread was interrupted within 30 s");
            } catch (InterruptedException e) {
                Edges.sleep(100);
                System.out.println("RaceVirtualThreadInterrupt: " + data); // racy access
            }
        });
        Edges.sleep(100);
        virtual.interrupt();
        data = 42; // racy access
        virtual.join();
    }
}
