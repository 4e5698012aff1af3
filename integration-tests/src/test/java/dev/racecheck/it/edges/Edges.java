package dev.racecheck.it.edges;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * Helpers of the edge programs. None of them is a happens-before edge: they order accesses in time only (sleeps,
 * spins, waits for a state racecheck does not model as synchronization), stop a program whose timing assumption did
 * not hold, and reach the JDK 21+ virtual-thread API by reflection, as the programs are compiled with
 * {@code --release 17}.
 *
 * <p>Where the outcome of a program depends on the order of two events, it waits for the first one
 * ({@link #awaitCondition}, {@link #awaitState}, {@link Signal}) instead of sleeping: a sleep makes the order only
 * likely, and on a loaded machine a thread can be delayed by seconds, or run to its end before another starts.
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

    /** How long a program waits for a condition before it gives up: far longer than any schedule needs. */
    private static final long WAIT_NANOS = 30_000_000_000L;

    /**
     * Waits until {@code condition} holds, polling it every millisecond, and stops the program (status 3, see
     * {@link #check}) if it does not hold within 30 s; {@code what} states the condition, as an assumption. Waiting
     * is no edge, and the condition must not be one either: it may read only state racecheck does not model as
     * synchronization, such as {@code Thread.getState()}, a {@link Signal}, {@code ReentrantLock.isLocked()} or
     * {@code hasQueuedThread(t)}, {@code CompletableFuture.getNumberOfDependents()} (not {@code isAlive()},
     * {@code isDone()}, an atomic's {@code get()}, a concurrent collection's {@code size()}: those are edges, or
     * read an atomic inside).
     */
    static void awaitCondition(BooleanSupplier condition, String what) {
        long start = System.nanoTime();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - start > WAIT_NANOS) {
                check(false, what + " within 30 s");
            }
            sleep(1);
        }
    }

    /** Waits until {@code t.getState()} is {@code state}: getState() is no edge (isAlive() and join() are). */
    static void awaitState(Thread t, Thread.State state) {
        awaitCondition(() -> t.getState() == state, "thread \"" + t.getName() + "\" is " + state);
    }

    /**
     * Waits until the threads have ended, without a happens-before edge: getState() is not a join (isAlive() and
     * join() are). For programs that need work done by then, on a loaded machine too.
     */
    static void awaitEndWithoutEdge(Thread... threads) {
        for (Thread t : threads) {
            awaitState(t, Thread.State.TERMINATED);
        }
    }

    /**
     * Waits until the current thread is interrupted (for a task that goes on once it was cancelled), at most 30 s.
     * The interrupt is an edge from the interrupting thread (InterruptedException); the flag is clear on return.
     */
    static void awaitInterrupt(String what) {
        try {
            Thread.sleep(30_000);
        } catch (InterruptedException e) {
            return;
        }
        check(false, what + " within 30 s");
    }

    /**
     * A flag one thread raises and others wait for, to order events in time without a happens-before edge: it is
     * written and read in opaque mode ({@code AtomicBoolean.setOpaque/getOpaque}), which orders nothing (see the
     * VarHandle access modes and {@code RaceVarHandleOpaque}) and which racecheck does not model (its atomic rules are
     * for get, set and the read-modify-write methods). Where a sleep would make an order only likely, a signal makes
     * it certain.
     */
    static final class Signal {
        private final AtomicBoolean raised = new AtomicBoolean();

        void raise() {
            raised.setOpaque(true);
        }

        /** Waits until the signal is raised, at most 30 s; {@code what} states what it stands for. */
        void await(String what) {
            awaitCondition(raised::getOpaque, what);
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
