package dev.racecheck.it.containers;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * NoRaceHashMapsThreadPool's word count with one mistake: the pool tasks add their counts to one shared map
 * themselves instead of handing their own maps back.
 * Expected: race on java.util.HashMap (HashMap.merge vs HashMap.merge)
 */
public final class RaceHashMapsThreadPool {
    static void countInto(Map<String, Integer> counts, int from, int to) {
        String[] text = NoRaceHashMapsThreadPool.TEXT;
        for (int i = from; i < to; i++) {
            counts.merge(text[i % text.length], 1, Integer::sum); // racy access
        }
    }

    public static void main(String[] args) throws Exception {
        Programs.warmUp();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        pool.submit(() -> { }).get(); // warm-up (see Programs)
        pool.submit(() -> { }).get();
        countInto(new HashMap<>(), 0, 1); // warm-up: links Integer::sum in main (see Programs)
        Map<String, Integer> shared = new HashMap<>();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int from = t * 100;
            futures.add(pool.submit(() -> {
                Programs.sleep(50); // keeps this worker busy: the other one takes the next task
                countInto(shared, from, from + 100);
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        System.out.println("RaceHashMapsThreadPool: " + shared.get("the"));
    }
}
