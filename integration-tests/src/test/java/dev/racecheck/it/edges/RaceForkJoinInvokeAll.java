package dev.racecheck.it.edges;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;

/**
 * ForkJoinTask.invokeAll, edge removed: the parent forks the second task and runs the first, as invokeAll does, but
 * reads what the second wrote without waiting for it.
 * Expected: race on array element int[1]
 */
public final class RaceForkJoinInvokeAll {
    static final int[] cells = new int[2];

    static final class Cell extends RecursiveAction {
        final int index;
        Thread ranOn;

        Cell(int index) {
            this.index = index;
        }

        @Override
        protected void compute() {
            ranOn = Thread.currentThread();
            if (index == 0) {
                Edges.sleep(200); // runs in the caller: the other is stolen meanwhile
            }
            cells[index] = index + 1; // racy access
        }
    }

    static final class Parent extends RecursiveAction {
        @Override
        protected void compute() {
            Cell a = new Cell(0);
            Cell b = new Cell(1);
            b.fork();
            a.invoke();
            System.out.println("RaceForkJoinInvokeAll: " + (cells[0] + cells[1])); // racy access
            b.join();
            Edges.check(b.ranOn != a.ranOn, "another worker stole the forked task");
        }
    }

    public static void main(String[] args) {
        Edges.warmUp();
        ForkJoinPool pool = new ForkJoinPool(4);
        for (int i = 0; i < 4; i++) {
            pool.submit(() -> Edges.sleep(50));
        }
        Edges.sleep(200);
        pool.invoke(new Parent());
        pool.shutdown();
    }
}
