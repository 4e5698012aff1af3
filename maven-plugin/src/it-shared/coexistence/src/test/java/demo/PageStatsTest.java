package demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** Concurrent and correctly synchronized. */
class PageStatsTest {
    private static final class Stats {
        private long views;

        synchronized void view() {
            views++;
        }

        synchronized long views() {
            return views;
        }
    }

    @Test
    void countsViewsFromAThreadPool() throws Exception {
        Stats stats = new Stats();
        AtomicLong atomic = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            done.add(pool.submit(() -> {
                stats.view();
                atomic.incrementAndGet();
            }));
        }
        for (Future<?> f : done) f.get();
        pool.shutdown();
        pool.awaitTermination(30, TimeUnit.SECONDS);
        assertEquals(200, stats.views());
        assertEquals(200, atomic.get());
    }
}
