package dev.racecheck.it.edges;

import java.util.concurrent.ConcurrentHashMap;

/**
 * The pair of NoRaceConcurrentHashMapComputeContended: one thread updates the value in place inside compute, the
 * other through what get() returned before, outside compute: get() only sees what was put, not what a function did
 * in place later.
 * Expected: race on field dev.racecheck.it.edges.RaceConcurrentHashMapComputeContended$Counter.n
 */
public final class RaceConcurrentHashMapComputeContended {
    static final class Counter {
        long n;
    }

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        ConcurrentHashMap<String, Counter> map = new ConcurrentHashMap<>();
        map.put("k", new Counter());
        // Got before a computes anything: a get() that ran after a's last compute would be ordered after it.
        Counter counted = map.get("k");
        Thread a = Edges.thread("a", () -> {
            for (int i = 0; i < 1_000; i++) {
                map.compute("k", (k, c) -> {
                    c.n++; // racy access
                    return c;
                });
            }
        });
        Thread b = Edges.thread("b", () -> {
            Counter c = counted;
            for (int i = 0; i < 1_000; i++) {
                c.n++; // racy access
            }
        });
        a.start();
        b.start();
        a.join();
        b.join();
        System.out.println("RaceConcurrentHashMapComputeContended: done");
    }
}
