package dev.racecheck.it.edges;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Future.resultNow() (JDK 19+, reached by reflection) on a FutureTask, once the pool's worker has ended (seen through
 * Thread.getState(), which is no edge): the task's actions happen-before actions after it, as after get().
 * Requires: JDK 21
 * Expected: no race
 */
public final class NoRaceFutureResultNow {
    static final class Report {
        int rows;
    }

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        Thread[] worker = new Thread[1];
        ExecutorService pool = Executors.newFixedThreadPool(1, r -> worker[0] = new Thread(r, "worker"));
        pool.submit(() -> { }).get(); // warm-up (see Edges)
        Future<Report> done = pool.submit(() -> {
            Report r = new Report();
            r.rows = 99;
            return r;
        });
        pool.shutdown();
        Edges.awaitEndWithoutEdge(worker[0]); // the task is done; not an edge
        Report r = (Report) Future.class.getMethod("resultNow").invoke(done);
        System.out.println("NoRaceFutureResultNow: " + r.rows);
    }
}
