package dev.racecheck.it.edges;

/**
 * Interrupt (JLS 17.4.4) seen as an InterruptedException thrown by a blocking call.
 * Expected: no race
 */
public final class NoRaceInterruptException {
    static int data;

    public static void main(String[] args) throws InterruptedException {
        Edges.warmUp();
        Thread worker = new Thread(() -> {
            try {
                Thread.sleep(30_000);
                Edges.check(false, "the worker was interrupted within 30 s");
            } catch (InterruptedException e) {
                System.out.println("NoRaceInterruptException: " + data);
            }
        }, "worker");
        worker.start();
        Edges.sleep(50);
        data = 42;
        worker.interrupt();
        worker.join();
    }
}
