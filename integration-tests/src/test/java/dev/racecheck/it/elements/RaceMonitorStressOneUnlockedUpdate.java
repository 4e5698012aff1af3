package dev.racecheck.it.elements;

/**
 * {@link NoRaceMonitorStress} where thread 2 makes its one last increment of element 17 just after the synchronized
 * block in which it says it is done, outside it: the others' last increments, made after that block, are unordered
 * with it (see {@link RaceLockedStressOneUnlockedUpdate}).
 * Expected: race on array element int[17]
 */
public final class RaceMonitorStressOneUnlockedUpdate {
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
        System.out.println("RaceMonitorStressOneUnlockedUpdate: " + sum);
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
                        twoDone = true;
                        break;
                    }
                }
                Thread.yield();
            }
            counts[17]++; // racy access
            return;
        }
        synchronized (lock) {
            loopsDone++;
        }
        while (true) {
            synchronized (lock) {
                if (twoDone) {
                    counts[17]++; // racy access
                    return;
                }
            }
            Thread.yield();
        }
    }
}
