package dev.racecheck.samples;

/**
 * Different array elements are different variables: threads that each write only their own element do not race.
 * Expected: no race
 */
public class NoRaceDifferentElements {
    public static void main(String[] args) throws InterruptedException {
        int[] counts = new int[2];
        Thread[] workers = new Thread[counts.length];
        for (int w = 0; w < workers.length; w++) {
            int mine = w; // each worker owns exactly one element
            workers[w] = new Thread(() -> {
                for (int i = 0; i < 1_000; i++) {
                    counts[mine]++;
                }
            }, "worker-" + (w + 1));
            workers[w].start();
        }
        for (Thread t : workers) {
            t.join();
        }
        System.out.println("counts = " + counts[0] + ", " + counts[1]);
    }
}
