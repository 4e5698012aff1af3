package dev.racecheck.it.edges;

import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.RecursiveAction;

/**
 * ForkJoinTask.invokeAll (two tasks, an array, a collection) forks all but the first task, runs the first, and
 * waits for the others (not through join()): every task's actions happen-before invokeAll returns. The first task
 * sleeps, so other workers steal the forked ones.
 * Expected: no race
 */
public final class NoRaceForkJoinInvokeAll {
    static final int[] cells = new int[3];

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
                Edges.sleep(200); // runs in the caller: the others are stolen meanwhile
            }
            cells[index] = cells[index] + index + 1;
        }
    }

    static final class Parent extends RecursiveAction {
        @Override
        protected void compute() {
            Cell a = new Cell(0);
            Cell b = new Cell(1);
            invokeAll(a, b);
            check(a, b);
            System.out.println("NoRaceForkJoinInvokeAll: two " + (cells[0] + cells[1]));
            Cell[] array = {new Cell(0), new Cell(1), new Cell(2)};
            invokeAll(array);
            check(array);
            System.out.println("NoRaceForkJoinInvokeAll: array " + (cells[0] + cells[1] + cells[2]));
            List<Cell> list = List.of(new Cell(0), new Cell(1), new Cell(2));
            invokeAll(list);
            check(list.toArray(new Cell[0]));
            System.out.println("NoRaceForkJoinInvokeAll: collection " + (cells[0] + cells[1] + cells[2]));
        }

        private static void check(Cell... tasks) {
            for (int i = 1; i < tasks.length; i++) {
                Edges.check(tasks[i].ranOn != tasks[0].ranOn, "another worker stole forked task " + i);
            }
        }
    }

    public static void main(String[] args) {
        Edges.warmUp();
        ForkJoinPool pool = new ForkJoinPool(4);
        // Start the workers first, so that Thread.start (of a worker woken by fork) orders nothing below.
        for (int i = 0; i < 4; i++) {
            pool.submit(() -> Edges.sleep(50));
        }
        Edges.sleep(200);
        pool.invoke(new Parent());
        pool.shutdown();
    }
}
