package dev.racecheck.it.edges;

/**
 * Interrupt seen by isInterrupted(), edge broken: the interrupting thread writes after interrupt().
 * Expected: race on static field dev.racecheck.it.edges.RaceInterruptIsInterrupted.data
 */
public final class RaceInterruptIsInterrupted {
    static int data;

    public static void main(String[] args) throws InterruptedException {
        Edges.warmUp();
        Thread worker = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                Thread.onSpinWait();
            }
            Edges.spin(100); // the interrupt flag is still set: sleep would throw
            System.out.println("RaceInterruptIsInterrupted: " + data); // racy access
        }, "worker");
        worker.start();
        Edges.sleep(50);
        worker.interrupt();
        data = 42; // racy access
        worker.join();
    }
}
