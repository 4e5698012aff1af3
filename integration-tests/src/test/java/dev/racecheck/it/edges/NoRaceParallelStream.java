package dev.racecheck.it.edges;

import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * Parallel streams (fork/join in the common pool): actions before the terminal operation happen-before the
 * actions of every element, which happen-before the terminal operation returns. A first stream starts the pool's
 * workers, so Thread.start orders nothing in the second.
 * Expected: no race
 */
public final class NoRaceParallelStream {
    public static void main(String[] args) {
        Edges.warmUp();
        // Two workers whatever the machine (the default is one fewer than the processors).
        System.setProperty("java.util.concurrent.ForkJoinPool.common.parallelism", "2");
        Edges.check(ForkJoinPool.getCommonPoolParallelism() == 2, "the common pool has parallelism 2");
        IntStream.range(0, 64).parallel().forEach(i -> Edges.sleep(1)); // starts the workers
        int[] input = new int[64];
        for (int i = 0; i < input.length; i++) {
            input[i] = i;
        }
        int[] squares = new int[64];
        IntStream.range(0, 64).parallel().forEach(i -> {
            Edges.sleep(1);
            squares[i] = input[i] * input[i];
        });
        System.out.println("NoRaceParallelStream: " + Arrays.stream(squares).sum());
    }
}
