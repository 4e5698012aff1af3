package dev.racecheck.it.scale;

import java.lang.reflect.Method;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Scale: starts TOTAL virtual threads, at most ALIVE at once (a semaphore), each doing a little synchronized
 * work; two of them, alive at the same time, write one field without synchronization (the planted race). Prints
 * the time and the heap in use after a GC. JDK 21+ (virtual threads; reached by reflection so this compiles
 * for 17).
 */
public class ManyVirtualThreads {
    static int planted;

    public static void main(String[] args) throws Exception {
        int total = Integer.parseInt(args[0]);
        int alive = Integer.parseInt(args[1]);
        Semaphore permits = new Semaphore(alive);
        AtomicLong sum = new AtomicLong();
        Method perTask = Executors.class.getMethod("newVirtualThreadPerTaskExecutor");
        long start = System.nanoTime();
        ExecutorService executor = (ExecutorService) perTask.invoke(null);
        try {
            for (int i = 0; i < total; i++) {
                permits.acquire();
                int n = i;
                executor.submit(() -> {
                    try {
                        int[] mine = new int[4];
                        mine[n & 3] = n;
                        sum.addAndGet(mine[n & 3]);
                        if (n == total / 2) {
                            planted = n; // racy access
                            sleep(200); // still alive, holding its permit, while the next one runs
                        } else if (n == total / 2 + 1) {
                            sleep(50);
                            planted = n; // racy access
                        }
                    } finally {
                        permits.release();
                    }
                });
            }
        } finally {
            executor.shutdown();
            executor.awaitTermination(10, TimeUnit.MINUTES);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.gc();
        Runtime rt = Runtime.getRuntime();
        long heapMb = (rt.totalMemory() - rt.freeMemory()) >> 20;
        System.out.println("threads=" + total + " alive<=" + alive + " sum=" + sum.get() + " ms=" + millis
                + " heapAfterGcMb=" + heapMb);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
