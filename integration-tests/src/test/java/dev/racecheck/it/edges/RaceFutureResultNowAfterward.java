package dev.racecheck.it.edges;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Future.resultNow() (JDK 19+, reached by reflection), edge broken: another task writes the result's field after
 * the task returned it, so resultNow() does not order that write.
 * Requires: JDK 21
 * Expected: race on field dev.racecheck.it.edges.RaceFutureResultNowAfterward$Report.rows
 */
public final class RaceFutureResultNowAfterward {
    static final class Report {
        int rows;
    }

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        Thread[] worker = new Thread[1];
        ExecutorService pool = Executors.newFixedThreadPool(1, r -> worker[0] = new Thread(r, "worker"));
        pool.submit(() -> { }).get(); // warm-up (see Edges)
        Report report = new Report();
        Future<Report> done = pool.submit(() -> report);
        pool.submit(() -> {
            report.rows = 99; // racy access
        });
        pool.shutdown();
        Edges.awaitEndWithoutEdge(worker[0]); // the task is done; not an edge
        Report r = (Report) Future.class.getMethod("resultNow").invoke(done);
        System.out.println("RaceFutureResultNowAfterward: " + r.rows); // racy access
    }
}
