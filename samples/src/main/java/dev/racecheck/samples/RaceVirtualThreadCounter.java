package dev.racecheck.samples;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Goroutines are Java's virtual threads (JDK 21+): cheap enough to start one per task, and just as able to race.
 * A thousand virtual threads, from Executors.newVirtualThreadPerTaskExecutor(), each add one to a shared counter
 * with count++ (read, add, write), without a lock: updates get lost, and racecheck reports the race as for
 * platform threads. This sample needs JDK 21 or newer.
 *
 * <p>Requires: JDK 21
 *
 * <p>Expected: race on static field dev.racecheck.samples.RaceVirtualThreadCounter.count
 */
public class RaceVirtualThreadCounter {
    static int count;

    public static void main(String[] args) throws Exception {
        ExecutorService tasks = virtualThreadPerTaskExecutor();
        try {
            for (int i = 0; i < 1000; i++) {
                tasks.submit(() -> {
                    count++; // racy access
                });
            }
        } finally {
            ((AutoCloseable) tasks).close(); // try-with-resources on JDK 21; close() waits for every task
        }
        System.out.println("count = " + count + " (1000 unless an update was lost)");
    }

    /** {@code Executors.newVirtualThreadPerTaskExecutor()}: by reflection, so that the samples compile for Java 17. */
    static ExecutorService virtualThreadPerTaskExecutor() {
        try {
            return (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
        } catch (ReflectiveOperationException e) {
            System.err.println("This sample needs JDK 21 or newer (virtual threads); this is Java "
                    + System.getProperty("java.version") + ".");
            System.exit(2);
            throw new IllegalStateException(e);
        }
    }
}
