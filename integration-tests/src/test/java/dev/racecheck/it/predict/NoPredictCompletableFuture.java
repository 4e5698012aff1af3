package dev.racecheck.it.predict;

import java.util.concurrent.CompletableFuture;

/**
 * supplyAsync writes x (with a decoy section), thenApply reads it: the stage's completion orders them. main then
 * join()s and writes x. Data-race free.
 * Expected: no race
 */
public class NoPredictCompletableFuture {
    static final Object M = new Object();
    static int x;

    public static void main(String[] args) {
        CompletableFuture<Integer> f = CompletableFuture.supplyAsync(() -> {
            x = 1;
            synchronized (M) {
            }
            return 1;
        }).thenApply(v -> {
            synchronized (M) {
            }
            return v + x;
        });
        int r = f.join();
        x = r;
        System.out.println("x=" + x);
    }
}
