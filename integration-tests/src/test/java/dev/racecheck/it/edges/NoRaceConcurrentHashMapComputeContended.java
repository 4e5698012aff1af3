package dev.racecheck.it.edges;

import java.util.concurrent.ConcurrentHashMap;

/**
 * ConcurrentHashMap.compute runs its function atomically per key: two threads updating one mutable value in place,
 * many times and at the same time, are ordered call by call (the second caller waits for the bin lock while the
 * first one's function runs). Found as a false alarm by the concurrentmap benchmark.
 * Expected: no race
 */
public final class NoRaceConcurrentHashMapComputeContended {
    static final class Counter {
        long n;
    }

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        ConcurrentHashMap<String, Counter> map = new ConcurrentHashMap<>();
        Edges.Body work = () -> {
            for (int i = 0; i < 20_000; i++) {
                map.compute("k", (k, c) -> {
                    Counter counter = c == null ? new Counter() : c;
                    counter.n++;
                    return counter;
                });
            }
        };
        Thread a = Edges.thread("a", work);
        Thread b = Edges.thread("b", work);
        a.start();
        b.start();
        a.join();
        b.join();
        System.out.println("NoRaceConcurrentHashMapComputeContended: n = " + map.get("k").n);
    }
}
