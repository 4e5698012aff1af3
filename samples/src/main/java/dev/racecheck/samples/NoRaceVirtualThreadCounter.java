package dev.racecheck.samples;

import java.util.concurrent.ExecutorService;

/**
 * The virtual-thread counter, fixed as in Go with a mutex: every count++ holds one lock, so the updates are ordered
 * and none is lost. Closing the executor waits for every task and orders their work before the final read. This
 * sample needs JDK 21 or newer.
 *
 * <p>Requires: JDK 21
 *
 * <p>Expected: no race
 */
public class NoRaceVirtualThreadCounter {
    static final Object LOCK = new Object();
    static int count;

    public static void main(String[] args) throws Exception {
        ExecutorService tasks = RaceVirtualThreadCounter.virtualThreadPerTaskExecutor();
        try {
            for (int i = 0; i < 1000; i++) {
                tasks.submit(() -> {
                    synchronized (LOCK) {
                        count++;
                    }
                });
            }
        } finally {
            ((AutoCloseable) tasks).close();
        }
        System.out.println("count = " + count);
    }
}
