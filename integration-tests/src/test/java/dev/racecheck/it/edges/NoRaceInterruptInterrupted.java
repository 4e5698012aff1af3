package dev.racecheck.it.edges;

/**
 * Interrupt (JLS 17.4.4) seen by the static Thread.interrupted().
 * Expected: no race
 */
public final class NoRaceInterruptInterrupted {
    static int data;

    public static void main(String[] args) throws InterruptedException {
        Edges.warmUp();
        Thread worker = new Thread(() -> {
            while (!Thread.interrupted()) {
                Thread.onSpinWait();
            }
            System.out.println("NoRaceInterruptInterrupted: " + data);
        }, "worker");
        worker.start();
        Edges.sleep(50);
        data = 42;
        worker.interrupt();
        worker.join();
    }
}
