package demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** Concurrent and correctly synchronized: racecheck reports nothing and the test stays green. */
class PageStatsTest {

    @Test
    void countsViewsFromAThreadPool() throws InterruptedException {
        AtomicLong views = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (int i = 0; i < 100; i++) pool.execute(views::incrementAndGet);
        pool.shutdown();
        pool.awaitTermination(30, TimeUnit.SECONDS);
        assertEquals(100, views.get());
    }
}
