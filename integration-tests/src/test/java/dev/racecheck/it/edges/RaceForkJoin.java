package dev.racecheck.it.edges;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;

/**
 * ForkJoinTask fork/join, edge removed: the parent reads what the forked child wrote before joining it.
 * Expected: race on array element int[1]
 */
public final class RaceForkJoin {
    static final int[] cells = new int[2];

    static final class Child extends RecursiveAction {
        final Edges.Signal ran = new Edges.Signal();
        Thread ranOn;

        @Override
        protected void compute() {
            ranOn = Thread.currentThread();
            cells[1] = 42; // racy access
            ran.raise();
        }
    }

    static final class Parent extends RecursiveAction {
        @Override
        protected void compute() {
            Child child = new Child();
            child.fork();
            child.ran.await("another worker ran the forked child"); // the parent cannot run it meanwhile
            System.out.println("RaceForkJoin: " + cells[1]); // racy access
            child.join();
            Edges.check(child.ranOn != Thread.currentThread(), "another worker stole the forked child");
        }
    }

    public static void main(String[] args) {
        Edges.warmUp();
        ForkJoinPool pool = new ForkJoinPool(4);
        pool.invoke(new Parent());
        pool.shutdown();
    }
}
