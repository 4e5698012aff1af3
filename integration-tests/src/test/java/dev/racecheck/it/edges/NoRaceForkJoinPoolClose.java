package dev.racecheck.it.edges;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;

/**
 * ForkJoinPool.close() (JDK 19+) shuts the pool down and waits for every task: their actions happen-before close()
 * returns. (The cast lets this compile with --release 17.)
 * Requires: JDK 19
 * Expected: no race
 */
public final class NoRaceForkJoinPoolClose {
    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        Set<String> ranOn = ConcurrentHashMap.newKeySet();
        ranOn.add("warm-up"); // first use of the set's table, in main
        long[] parts = new long[4];
        ForkJoinPool pool = new ForkJoinPool(2);
        pool.execute(() -> Edges.sleep(50)); // starts both workers, so that the tasks below spread over them
        pool.execute(() -> Edges.sleep(50));
        Edges.sleep(200);
        try (AutoCloseable closing = (AutoCloseable) pool) {
            for (int i = 0; i < 4; i++) {
                int k = i;
                pool.execute(() -> {
                    ranOn.add(Thread.currentThread().getName());
                    Edges.sleep(150);
                    parts[k] = k * 100L;
                });
            }
        }
        Edges.check(ranOn.size() == 3, "the tasks ran on both workers");
        System.out.println("NoRaceForkJoinPoolClose: " + (parts[0] + parts[1] + parts[2] + parts[3]));
    }
}
