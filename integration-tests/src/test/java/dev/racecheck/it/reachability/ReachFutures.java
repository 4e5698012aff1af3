package dev.racecheck.it.reachability;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RecursiveTask;

/** Futures: FutureTask, CompletableFuture, ForkJoinTask, their results and tasks. */
public final class ReachFutures {
    static final class Sum extends RecursiveTask<Box> {
        private final int depth;

        Sum(int depth) {
            this.depth = depth;
        }

        @Override
        protected Box compute() {
            if (depth == 0) {
                Box b = new Box();
                b.plain = 1;
                return b;
            }
            Sum left = new Sum(depth - 1);
            left.fork();
            Box right = new Sum(depth - 1).compute();
            Box l = left.join();
            right.plain += l.plain;
            return right;
        }
    }

    public static void main(String[] args) throws Exception {
        Tracker t = new Tracker(args);
        ForkJoinPool pool = new ForkJoinPool(2);
        futureTask(t);
        supplyAsync(t);
        completedByThread(t);
        forkJoin(t, pool);
        t.await();
        pool.shutdown();
    }

    static void futureTask(Tracker t) throws Exception {
        FutureTask<Box> task = new FutureTask<>(() -> {
            Box b = new Box();
            b.plain = 1;
            return b;
        });
        Thread w = new Thread(task);
        w.start();
        Box result = task.get();
        result.plain++;
        w.join();
        t.track("future: FutureTask", task);
        t.track("future: a FutureTask's result", result);
    }

    static void supplyAsync(Tracker t) throws Exception {
        CompletableFuture<Box> f = CompletableFuture.supplyAsync(() -> {
            Box b = new Box();
            b.plain = 1;
            return b;
        });
        // The function reads no field: thenApply on a future completed meanwhile runs it in this thread, and
        // racecheck acquires the completion only on entry of thenApply (a gap of the edge model, not this test's).
        CompletableFuture<Box> g = f.thenApply(b -> b);
        Box result = g.get();
        result.plain++;
        t.track("future: CompletableFuture.supplyAsync", f);
        t.track("future: a dependent CompletableFuture", g);
        t.track("future: a CompletableFuture's result", result);
    }

    static void completedByThread(Tracker t) throws Exception {
        CompletableFuture<Box> f = new CompletableFuture<>();
        Thread w = new Thread(() -> {
            Box b = new Box();
            b.plain = 2;
            f.complete(b);
        });
        w.start();
        Box result = f.join();
        result.plain++;
        w.join();
        t.track("future: CompletableFuture completed by a thread", f);
        t.track("future: what a thread completed a CompletableFuture with", result);
    }

    static void forkJoin(Tracker t, ForkJoinPool pool) {
        Sum task = new Sum(3);
        Box result = pool.invoke(task);
        result.plain++;
        t.track("future: ForkJoinTask", task);
        t.track("future: a ForkJoinTask's result", result);
    }
}
