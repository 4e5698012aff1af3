package dev.racecheck.it.reachability;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;

/** Executors whose workers stay alive, idle, while the objects their tasks used are dropped. */
public final class ReachExecutors {
    public static void main(String[] args) throws Exception {
        Tracker t = new Tracker(args);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        submitMethodReference(t, pool);
        execute(t, pool);
        invokeAll(t, pool);
        commonPool(t);
        t.await();
        pool.shutdown();
    }

    static void submitMethodReference(Tracker t, ExecutorService pool) throws Exception {
        Box b = new Box();
        pool.submit(b::sync).get();
        pool.submit(b::sync).get();
        t.track("executor: submit(p::sync).get()", b);
    }

    static void execute(Tracker t, ExecutorService pool) throws InterruptedException {
        Box b = new Box();
        CountDownLatch done = new CountDownLatch(1);
        pool.execute(() -> {
            b.flag = 1;
            b.cells[0]++;
            done.countDown();
        });
        done.await();
        t.track("executor: execute(task) and a latch", b);
        t.track("executor: a latch counted down by a task", done);
    }

    static void invokeAll(Tracker t, ExecutorService pool) throws InterruptedException {
        Box b = new Box();
        Callable<Integer> one = b::syncGet;
        Callable<Integer> two = () -> b.cells[1]++;
        pool.invokeAll(List.of(one, two));
        t.track("executor: invokeAll", b);
    }

    static void commonPool(Tracker t) throws Exception {
        Box b = new Box();
        ForkJoinPool.commonPool().submit(b::sync).get();
        t.track("executor: ForkJoinPool.commonPool().submit(p::sync).get()", b);
    }
}
