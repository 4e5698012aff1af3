package dev.racecheck.it.edges;

/**
 * Interrupt seen as an InterruptedException, edge broken: the interrupting thread writes after interrupt().
 * Expected: race on static field dev.racecheck.it.edges.RaceInterruptException.data
 */
public final class RaceInterruptException {
    static int data;

    public static void main(String[] args) throws InterruptedException {
        Edges.warmUp();
        Thread worker = new Thread(() -> {
            try {
                Thread.sleep(30_000);
                Edges.check(false, "the worker was interrupted within 30 s");
            } catch (InterruptedException e) {
                Edges.sleep(100);
                System.out.println("RaceInterruptException: " + data); // racy access
            }
        }, "worker");
        worker.start();
        Edges.sleep(50);
        worker.interrupt();
        data = 42; // racy access
        worker.join();
    }
}
