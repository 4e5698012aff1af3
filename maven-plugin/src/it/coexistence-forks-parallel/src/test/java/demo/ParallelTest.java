package demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.RepeatedTest;

/** Runs on JUnit's ForkJoinPool workers, several at once; correctly synchronized, so every repetition passes. */
class ParallelTest {
    private static final AtomicInteger shared = new AtomicInteger();
    private static final Object lock = new Object();
    private static long guarded;

    @RepeatedTest(8)
    void runsOnPoolThreads() throws InterruptedException {
        assertTrue(Thread.currentThread().getName().startsWith("ForkJoinPool"),
                "not parallel: " + Thread.currentThread().getName());
        for (int i = 0; i < 100; i++) {
            shared.incrementAndGet();
            synchronized (lock) {
                guarded++;
            }
        }
        Thread helper = new Thread(() -> {
            synchronized (lock) {
                guarded++;
            }
        });
        helper.start();
        helper.join();
        synchronized (lock) {
            assertTrue(guarded > 0);
        }
        assertEquals(0, shared.get() % 1, "never fails");
    }
}
