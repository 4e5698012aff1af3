package dev.racecheck.it.edges;

import java.util.concurrent.CountedCompleter;
import java.util.concurrent.ForkJoinPool;

/**
 * CountedCompleter, edge removed: the second child reads what the first one's onCompletion wrote in its own
 * compute, before tryComplete: the pending count orders the children only with the parent's onCompletion, not with
 * each other.
 * Expected: race on field dev.racecheck.it.edges.RaceCountedCompleter$Part.merged
 */
public final class RaceCountedCompleter {
    static int result;

    static final class Part extends CountedCompleter<Void> {
        final int index;
        int merged;
        Thread ranOn;

        Part(Root parent, int index) {
            super(parent);
            this.index = index;
        }

        @Override
        public void compute() {
            ranOn = Thread.currentThread();
            if (index == 1) {
                result = ((Root) getCompleter()).left.merged; // racy access
            }
            tryComplete();
        }

        @Override
        public void onCompletion(CountedCompleter<?> caller) {
            merged = index * 10 + 1; // racy access
        }
    }

    static final class Root extends CountedCompleter<Void> {
        Part left;
        Part right;

        @Override
        public void compute() {
            left = new Part(this, 0);
            right = new Part(this, 1);
            setPendingCount(1);
            left.fork();
            Edges.sleep(200);
            right.compute();
        }
    }

    public static void main(String[] args) {
        Edges.warmUp();
        ForkJoinPool pool = new ForkJoinPool(2);
        // Start both workers first, so that Thread.start (of a worker woken by fork) orders nothing below.
        pool.submit(() -> Edges.sleep(50));
        pool.submit(() -> Edges.sleep(50));
        Edges.sleep(200);
        Root root = new Root();
        pool.invoke(root);
        Edges.check(root.left.ranOn != root.right.ranOn, "another worker stole the forked child");
        System.out.println("RaceCountedCompleter: " + result);
        pool.shutdown();
    }
}
