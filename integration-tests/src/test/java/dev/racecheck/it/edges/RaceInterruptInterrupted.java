package dev.racecheck.it.edges;

/**
 * Interrupt seen by Thread.interrupted(), edge broken: the interrupting thread writes after interrupt().
 * Expected: race on static field dev.racecheck.it.edges.RaceInterruptInterrupted.data
 */
public final class RaceInterruptInterrupted {
    static int data;

    public static void main(String[] args) throws InterruptedException {
        Edges.warmUp();
        Thread worker = new Thread(() -> {
            while (!Thread.interrupted()) {
                Thread.onSpinWait();
            }
            Edges.sleep(100);
            System.out.println("RaceInterruptInterrupted: " + data); // racy access
        }, "worker");
        worker.start();
        Edges.sleep(50);
        worker.interrupt();
        data = 42; // racy access
        worker.join();
    }
}
