package dev.racecheck.samples;

import java.util.concurrent.CountDownLatch;

/**
 * A CountDownLatch works like Go's sync.WaitGroup: each worker's countDown() happens before await() returns.
 * Expected: no race
 */
public class NoRaceWaitGroup {
    public static void main(String[] args) throws InterruptedException {
        int n = 3;
        long[] results = new long[n];
        CountDownLatch done = new CountDownLatch(n); // wg.Add(3)
        for (int i = 0; i < n; i++) {
            int id = i;
            new Thread(() -> {
                results[id] = square(id + 1);
                done.countDown(); // wg.Done()
            }, "worker-" + (i + 1)).start();
        }
        done.await(); // wg.Wait(): every worker's write to results happens before this returns
        long sum = 0;
        for (long r : results) {
            sum += r;
        }
        System.out.println("sum of squares = " + sum);
    }

    static long square(long x) {
        return x * x;
    }
}
