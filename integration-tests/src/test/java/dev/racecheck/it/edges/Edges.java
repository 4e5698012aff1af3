package dev.racecheck.it.edges;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Helpers of the edge programs. None of them is a happens-before edge: they order accesses in time only (sleeps,
 * spins), stop a program whose timing assumption did not hold, and reach the JDK 21+ virtual-thread API by
 * reflection, as the programs are compiled with {@code --release 17}.
 *
 * <p>Every program calls {@link #warmUp()} first. Class loading and call-site linking are not the program's
 * synchronization and racecheck leaves them out (JdkModel.QUIET), but other JDK-internal uses of the classes it models
 * are real edges: first-use work (a pool's first task, a future's first stage) done by two threads would order them
 * by accident, at a time that varies from run to run. Programs therefore do such first-use work in main before the
 * threads they test start (warm-up calls, marked as such), so that only the construct under test orders their
 * accesses.
 */
final class Edges {
    private Edges() {
    }

    /**
     * Loads this class and links the string concatenations the programs print with, in main before any other
     * thread starts (see the class comment).
     */
    static void warmUp() {
        int i = 1;
        long l = 2;
        String s = "s";
        Object o = s;
        boolean b = true;
        String linked = "" + i + s + l + o + b + ("" + i) + (s + i) + (s + l) + (s + s) + (s + o) + (s + b)
                + (s + i + s + i) + (s + i + s + b) + (s + s + s + i);
        if (linked.isEmpty()) {
            throw new AssertionError();
        }
    }

    /** {@link Thread#sleep}: no happens-before edge. */
    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new IllegalStateException("unexpected interrupt", e);
        }
    }

    /**
     * Waits until the threads have ended, without a happens-before edge: getState() is not a join (isAlive() and
     * join() are). For programs that need work done by then, on a loaded machine too.
     */
    static void awaitEndWithoutEdge(Thread... threads) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        for (Thread t : threads) {
            while (t.getState() != Thread.State.TERMINATED && System.nanoTime() < deadline) sleep(5);
        }
    }

    /** Sleeps for {@code millis} even when interrupted meanwhile (a cancelled task that keeps running). */
    static void sleepThroughInterrupts(long millis) {
        long end = System.nanoTime() + millis * 1_000_000L;
        for (long left = millis; left > 0; left = (end - System.nanoTime()) / 1_000_000L) {
            try {
                Thread.sleep(left);
            } catch (InterruptedException e) {
                // keep going: the interrupt is what the program ignores
            }
        }
    }

    /** Busy-waits for {@code millis} (for a thread whose interrupt flag is set, where sleep would throw). */
    static void spin(long millis) {
        long end = System.nanoTime() + millis * 1_000_000L;
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }

    /**
     * Stops the program with status 3 when an assumption about timing or thread placement did not hold, so that a
     * run that could not show what it is meant to show fails loudly instead of passing for the wrong reason.
     */
    static void check(boolean holds, String assumption) {
        if (!holds) {
            System.out.println("timing assumption failed: " + assumption);
            System.out.flush();
            Runtime.getRuntime().halt(3);
        }
    }

    /** A body that may throw, so that programs can block in lambdas without try/catch clutter. */
    interface Body {
        void run() throws Exception;
    }

    /** An unstarted thread running {@code body}; a checked exception from it becomes an unchecked one. */
    static Thread thread(String name, Body body) {
        return new Thread(() -> {
            try {
                body.run();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, name);
    }

    /** {@code Thread.ofVirtual().start(task)} (JDK 21+). */
    static Thread startVirtual(Runnable task) {
        try {
            Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
            return (Thread) Class.forName("java.lang.Thread$Builder").getMethod("start", Runnable.class)
                    .invoke(builder, task);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("virtual threads need JDK 21 or newer", e);
        }
    }

    /** {@code Executors.newVirtualThreadPerTaskExecutor()} (JDK 21+). */
    static ExecutorService newVirtualThreadPerTaskExecutor() {
        try {
            return (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("virtual threads need JDK 21 or newer", e);
        }
    }
}
