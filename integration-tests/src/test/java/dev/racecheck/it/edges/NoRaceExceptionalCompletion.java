package dev.racecheck.it.edges;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.Future;
import java.util.concurrent.RecursiveAction;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A computation that completes by throwing has completed: what it did happens-before whoever sees that completion,
 * through the exception (Future.get's ExecutionException, CompletableFuture.join's CompletionException, a
 * ForkJoinTask's join, get, invoke and invokeAll rethrowing, ExecutorService.invokeAny when every task threw,
 * invokeAll's futures of tasks that threw, a future composed with one that failed before). And Condition.await that throws InterruptedException holds the lock
 * again: what the lock's holder did meanwhile happens-before.
 * Expected: no race
 */
public final class NoRaceExceptionalCompletion {
    static final int[] slots = new int[13];

    static final class Planned extends RuntimeException {
        Planned() {
            super("planned", null, false, false);
        }
    }

    /** Writes its slot, then throws. */
    static Callable<Integer> throwing(int slot) {
        return () -> {
            slots[slot] = slot + 1;
            throw new Planned();
        };
    }

    public static void main(String[] args) throws Exception {
        Edges.warmUp();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        pool.submit(() -> { }).get(); // warm-up (see Edges)
        ForkJoinPool fj = new ForkJoinPool(2);
        fj.submit(() -> { }).get(); // warm-up
        int seen = 0;

        Future<Integer> task = pool.submit(throwing(0));
        try {
            task.get();
        } catch (ExecutionException expected) {
            seen += slots[0];
        }

        CompletableFuture<Integer> failed = new CompletableFuture<>();
        Thread completer = Edges.thread("completer", () -> {
            slots[1] = 2;
            failed.completeExceptionally(new Planned());
        });
        completer.start();
        try {
            failed.join();
        } catch (CompletionException expected) {
            seen += slots[1];
        }
        CompletableFuture<Integer> failedAsync = CompletableFuture.supplyAsync(() -> {
            slots[2] = 3;
            throw new Planned();
        }, pool);
        try {
            failedAsync.get();
        } catch (ExecutionException expected) {
            seen += slots[2];
        }

        ForkJoinTask<?> joined = fj.submit(action(3));
        try {
            joined.join();
        } catch (Planned expected) {
            seen += slots[3];
        }
        ForkJoinTask<?> got = fj.submit(action(4));
        try {
            got.get();
        } catch (ExecutionException expected) {
            seen += slots[4];
        }
        try {
            fj.invoke(action(5));
        } catch (Planned expected) {
            seen += slots[5];
        }
        try {
            fj.invoke(new RecursiveAction() {
                @Override
                protected void compute() {
                    // The second task throws: invokeAll waits for both, then rethrows.
                    ForkJoinTask.invokeAll(plain(6), action(7));
                }
            });
        } catch (Planned expected) {
            seen += slots[6] + slots[7];
        }

        try {
            pool.invokeAny(List.of(throwing(8), throwing(9)));
        } catch (ExecutionException expected) {
            seen += slots[8] + slots[9];
        }
        for (Future<Integer> f : pool.invokeAll(List.of(throwing(10)))) {
            try {
                f.get();
            } catch (ExecutionException expected) {
                seen += slots[10];
            }
        }

        // thenCompose of a complete stage to a future that completed exceptionally before: the composed future takes
        // its result as it finds it (no relay runs), and its join throws.
        CompletableFuture<Integer> inner = new CompletableFuture<>();
        Thread innerCompleter = Edges.thread("inner-completer", () -> {
            slots[12] = 13;
            inner.completeExceptionally(new Planned());
        });
        innerCompleter.start();
        Edges.awaitEndWithoutEdge(innerCompleter);
        CompletableFuture<Integer> composed = CompletableFuture.completedFuture(0).thenCompose(v -> inner);
        try {
            composed.join();
        } catch (CompletionException expected) {
            seen += slots[12];
        }

        seen += awaitInterrupted();
        Edges.awaitEndWithoutEdge(completer);
        pool.shutdown();
        fj.shutdown();
        System.out.println("NoRaceExceptionalCompletion: " + seen);
    }

    static RecursiveAction action(int slot) {
        return new RecursiveAction() {
            @Override
            protected void compute() {
                slots[slot] = slot + 1;
                throw new Planned();
            }
        };
    }

    static RecursiveAction plain(int slot) {
        return new RecursiveAction() {
            @Override
            protected void compute() {
                slots[slot] = slot + 1;
            }
        };
    }

    /**
     * The waiter awaits a condition; main takes the lock, interrupts it, writes slot 11 and unlocks: the waiter's
     * await throws InterruptedException once it holds the lock again, after main's write (the interrupt's own edge
     * covers only what main did before interrupt()).
     */
    static int awaitInterrupted() throws InterruptedException {
        ReentrantLock lock = new ReentrantLock();
        Condition never = lock.newCondition();
        int[] read = new int[1];
        Thread waiter = Edges.thread("waiter", () -> {
            lock.lock();
            try {
                never.await();
                Edges.check(false, "await returned without an interrupt");
            } catch (InterruptedException expected) {
                read[0] = slots[11];
            } finally {
                lock.unlock();
            }
        });
        waiter.start();
        Edges.awaitState(waiter, Thread.State.WAITING); // parked in await(), the lock given up
        lock.lock();
        waiter.interrupt();
        slots[11] = 12;
        lock.unlock();
        waiter.join();
        return read[0];
    }
}
