package dev.racecheck.it.edges;

/**
 * Interrupt (JLS 17.4.4): a call to t.interrupt() happens-before the point where t sees it, here isInterrupted().
 * Expected: no race
 */
public final class NoRaceInterruptIsInterrupted {
    static int data;

    public static void main(String[] args) throws InterruptedException {
        Edges.warmUp();
        Thread worker = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                Thread.onSpinWait();
            }
            System.out.println("NoRaceInterruptIsInterrupted: " + data);
        }, "worker");
        worker.start();
        Edges.sleep(50);
        data = 42;
        worker.interrupt();
        worker.join();
    }
}
