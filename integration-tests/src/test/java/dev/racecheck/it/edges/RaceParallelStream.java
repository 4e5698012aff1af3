package dev.racecheck.it.edges;

import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * Parallel streams, edge missing: the actions of different elements are not ordered with each other, so a shared
 * accumulator races.
 * Expected: race on static field dev.racecheck.it.edges.RaceParallelStream.total
 */
public final class RaceParallelStream {
    static int total;

    public static void main(String[] args) {
        Edges.warmUp();
        System.setProperty("java.util.concurrent.ForkJoinPool.common.parallelism", "2");
        Edges.check(ForkJoinPool.getCommonPoolParallelism() == 2, "the common pool has parallelism 2");
        String[] ranOn = new String[2];
        Edges.Signal[] started = {new Edges.Signal(), new Edges.Signal()};
        IntStream.range(0, 2).parallel().forEach(i -> {
            ranOn[i] = Thread.currentThread().getName();
            // Both elements run at once, so on two threads, however slow the pool is to take the forked one (the
            // caller would otherwise run it too, after its own).
            started[i].raise();
            started[1 - i].await("both elements are running");
            total += i + 1; // racy access
        });
        Edges.check(!ranOn[0].equals(ranOn[1]), "the two elements ran on different threads");
        System.out.println("RaceParallelStream: done");
    }
}
