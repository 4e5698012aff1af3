package dev.racecheck.it.edges;

import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;

/**
 * ForkJoinTask fork/join: actions before fork() happen-before the forked task's actions, which happen-before
 * join() returns. The parent waits (without an edge) until the child has run, so another worker steals it.
 * Expected: no race
 */
public final class NoRaceForkJoin {
    static int input;
    static final int[] cells = new int[2];

    static final class Child extends RecursiveAction {
        final Edges.Signal ran = new Edges.Signal();
        Thread ranOn;

        @Override
        protected void compute() {
            ranOn = Thread.currentThread();
            cells[1] = input + 1;
            ran.raise();
        }
    }

    static final class Parent extends RecursiveAction {
        @Override
        protected void compute() {
            input = 41;
            Child child = new Child();
            child.fork();
            child.ran.await("another worker ran the forked child"); // the parent cannot run it meanwhile
            child.join();
            Edges.check(child.ranOn != Thread.currentThread(), "another worker stole the forked child");
            System.out.println("NoRaceForkJoin: " + cells[1]);
        }
    }

    static Void sleep50() {
        Edges.sleep(50);
        return null;
    }

    public static void main(String[] args) {
        Edges.warmUp();
        ForkJoinPool pool = new ForkJoinPool(4);
        // Start the workers first, so that Thread.start (of a worker woken by fork) orders nothing below.
        pool.invokeAll(List.of(() -> sleep50(), () -> sleep50(), () -> sleep50(), () -> sleep50()));
        Edges.sleep(50);
        pool.invoke(new Parent());
        pool.shutdown();
    }
}
