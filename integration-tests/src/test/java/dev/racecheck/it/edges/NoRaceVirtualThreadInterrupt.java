package dev.racecheck.it.edges;

/**
 * Interrupting a virtual thread: interrupt() happens-before the virtual thread sees it (InterruptedException).
 * Requires: JDK 21
 * Expected: no race
 */
public final class NoRaceVirtualThreadInterrupt {
    static int data;

    public static void main(String[] args) throws InterruptedException {
        Edges.warmUp();
        Thread virtual = Edges.startVirtual(() -> {
            try {
                Thread.sleep(30_000);
                Edges.check(false, "the virtual thread was interrupted within 30 s");
            } catch (InterruptedException e) {
                System.out.println("NoRaceVirtualThreadInterrupt: " + data);
            }
        });
        Edges.sleep(100);
        data = 42;
        virtual.interrupt();
        virtual.join();
    }
}
