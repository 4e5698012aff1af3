package dev.racecheck.it.elements;

/**
 * {@link NoRaceLockedStress} with a monitor: four threads increment elements of a shared int[64] in synchronized
 * blocks, 200,000 times each, then make one last increment of element 17 each, all in synchronized blocks.
 * Expected: no race
 */
public final class NoRaceMonitorStress {
    static final int ITERATIONS = 200_000;
    static final Object lock = new Object();
    static final int[] counts = new int[64];
    static int loopsDone; // guarded by lock
    static boolean twoDone; // guarded by lock

    public static void main(String[] args) throws Exception {
        Thread[] workers = new Thread[4];
        for (int t = 0; t < workers.length; t++) {
            int id = t;
            workers[t] = new Thread(() -> work(id), "worker-" + t);
        }
        for (Thread w : workers) w.start();
        for (Thread w : workers) w.join();
        long sum = 0;
        for (int c : counts) sum += c;
        if (sum != 4L * ITERATIONS + 4) throw new AssertionError(sum);
        System.out.println("NoRaceMonitorStress: " + sum);
    }

    static void work(int id) {
        for (int i = 0; i < ITERATIONS; i++) {
            synchronized (lock) {
                counts[(i * 7 + id) & 63]++;
            }
        }
        if (id == 2) {
            while (true) {
                synchronized (lock) {
                    if (loopsDone == 3) {
                        counts[17]++;
                        twoDone = true;
                        return;
                    }
                }
                Thread.yield();
            }
        }
        synchronized (lock) {
            loopsDone++;
        }
        while (true) {
            synchronized (lock) {
                if (twoDone) {
                    counts[17]++;
                    return;
                }
            }
            Thread.yield();
        }
    }
}
