package dev.racecheck.it.edges;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.RecursiveAction;
import java.util.concurrent.atomic.AtomicReference;

/**
 * No edge: ForkJoinTask.isDone() (isCompletedNormally(), getRawResult()) returning false, before the task completes.
 * The forker writes and forks a task that waits; main sees isDone() false and isCompletedNormally() false, and reads
 * what the forker wrote. (racecheck used to acquire the task on every return of those methods: the fork's release.)
 * Expected: race on static field dev.racecheck.it.edges.RaceForkJoinIsDoneFalse.data
 */
public final class RaceForkJoinIsDoneFalse {
    static int data;

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        ForkJoinPool pool = new ForkJoinPool(2);
        pool.submit(() -> { }).get(); // warm-up (see Edges)
        Edges.Signal go = new Edges.Signal();
        Edges.Signal forked = new Edges.Signal();
        // Handed to main in opaque mode: no edge (see Edges.Signal).
        AtomicReference<ForkJoinTask<?>> task = new AtomicReference<>();
        Thread forker = Edges.thread("forker", () -> {
            data = 42; // racy access
            task.setOpaque(pool.submit(new RecursiveAction() {
                @Override
                protected void compute() {
                    go.await("main looked at the task");
                }
            }));
            forked.raise();
        });
        forker.start();
        forked.await("the forker submitted the task");
        Edges.awaitEndWithoutEdge(forker);
        ForkJoinTask<?> t = task.getOpaque();
        Edges.check(!t.isDone() && !t.isCompletedNormally(), "the task is not done");
        System.out.println("RaceForkJoinIsDoneFalse: " + data); // racy access
        go.raise();
        t.join();
        pool.shutdown();
    }
}
