package dev.racecheck.it.edges;

import java.util.concurrent.CountedCompleter;
import java.util.concurrent.ForkJoinPool;

/**
 * CountedCompleter (parallel streams' reduce and collect are built on it): each child's work, its onCompletion
 * included, happens-before the parent's onCompletion, which happens-before invoke() of the root returns. Two
 * children run on two workers (the parent sleeps before running the second, so another worker steals the first);
 * each merges its part into a field in onCompletion, after which tryComplete decrements the parent's pending count;
 * whichever finishes second runs the parent's onCompletion, which reads both (parallel collect's combiner). The
 * result does not depend on which finishes first.
 * Expected: no race
 */
public final class NoRaceCountedCompleter {
    static int input;
    static int result;

    static final class Part extends CountedCompleter<Void> {
        final int index;
        int part;
        int merged;
        Thread ranOn;

        Part(Root parent, int index) {
            super(parent);
            this.index = index;
        }

        @Override
        public void compute() {
            ranOn = Thread.currentThread();
            part = input + index;
            tryComplete();
        }

        @Override
        public void onCompletion(CountedCompleter<?> caller) {
            merged = part * 10; // a leaf's onCompletion: written after tryComplete was entered
        }
    }

    static final class Root extends CountedCompleter<Void> {
        Part left;
        Part right;

        @Override
        public void compute() {
            input = 4;
            left = new Part(this, 0);
            right = new Part(this, 1);
            setPendingCount(1);
            left.fork();
            Edges.sleep(200);
            right.compute();
        }

        @Override
        public void onCompletion(CountedCompleter<?> caller) {
            result = left.merged + right.merged;
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
        System.out.println("NoRaceCountedCompleter: " + result);
        pool.shutdown();
    }
}
