package dev.racecheck.it.reachability;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Threads a probe keeps alive, idle, while the GC is asked to collect what they touched: an idle pool worker or
 * consumer is where a per-thread cache would keep an object alive. {@link #release} ends them.
 */
final class Idle {
    private final CountDownLatch end = new CountDownLatch(1);
    private final List<Thread> threads = new ArrayList<>();

    /**
     * Starts a thread that runs {@code work}, then waits, idle, until {@link #release}. The thread lets go of
     * {@code work} (and so of what it captured) before it waits.
     */
    Thread start(Runnable work) {
        Runnable[] job = {work};
        Thread t = new Thread(() -> {
            Runnable r = job[0];
            job[0] = null;
            r.run();
            r = null;
            idle();
        });
        threads.add(t);
        t.start();
        return t;
    }

    /** Blocks the calling thread until {@link #release}. */
    void idle() {
        try {
            end.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void release() throws InterruptedException {
        end.countDown();
        for (Thread t : threads) t.join();
    }
}
