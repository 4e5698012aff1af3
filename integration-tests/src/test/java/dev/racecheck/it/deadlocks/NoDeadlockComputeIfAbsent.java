package dev.racecheck.it.deadlocks;

import java.util.concurrent.ConcurrentHashMap;

/**
 * ConcurrentHashMap.computeIfAbsent (which locks a bin inside the JDK) nested in a user lock, and without it, in
 * three threads at once: the JDK never takes the user's lock while holding a bin.
 * Expected: no deadlock
 */
public class NoDeadlockComputeIfAbsent {
    static final Object L = new Object();
    static final ConcurrentHashMap<Integer, Integer> MAP = new ConcurrentHashMap<>();
    static int underL; // guarded by L

    public static void main(String[] args) {
        Thread[] threads = new Thread[3];
        for (int t = 0; t < threads.length; t++) {
            int offset = t * 100;
            threads[t] = Deadlocks.start("worker-" + t, () -> {
                for (int i = 0; i < 2000; i++) {
                    int key = (i + offset) % 1500;
                    if ((i & 1) == 0) {
                        synchronized (L) {
                            MAP.computeIfAbsent(key, k -> k * 2);
                            underL++;
                        }
                    } else {
                        MAP.computeIfAbsent(key, k -> k * 2);
                        MAP.merge(key, 1, Integer::sum);
                    }
                }
            });
        }
        Deadlocks.join(threads);
        synchronized (L) {
            System.out.println(MAP.size() + " " + underL);
        }
    }
}
