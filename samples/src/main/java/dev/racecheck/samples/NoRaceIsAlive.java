package dev.racecheck.samples;

/**
 * Seeing Thread.isAlive() return false orders everything the thread did before what follows, just like join().
 * Expected: no race
 */
public class NoRaceIsAlive {
    static long result;

    public static void main(String[] args) {
        Thread worker = new Thread(() -> {
            long sum = 0;
            for (int i = 1; i <= 1_000; i++) {
                sum += i;
            }
            result = sum;
        }, "worker");
        worker.start();
        while (worker.isAlive()) { // JLS 17.4.4: termination is detected by isAlive() or join()
            Thread.onSpinWait();
        }
        System.out.println("result = " + result);
    }
}
