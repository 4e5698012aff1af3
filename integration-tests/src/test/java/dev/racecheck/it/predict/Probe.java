package dev.racecheck.it.predict;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Helpers shared by the probe programs. Every wait here orders events in time WITHOUT a happens-before edge
 * that racecheck models: Thread.getState() polling (README: "not modelled") and opaque VarHandle flags
 * (README: "opaque accesses as atomic (neither)"). Thread.sleep is no edge either.
 */
final class Probe {
    private Probe() {}

    static Thread start(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.start();
        return t;
    }

    /** Waits until t has ended, without the edge that join() or isAlive() would give. */
    static void awaitTerminated(Thread t) {
        awaitState(t, Thread.State.TERMINATED);
    }

    static void awaitState(Thread t, Thread.State state) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (t.getState() != state) {
            if (System.nanoTime() > deadline) fail("timed out waiting for " + t.getName() + " to be " + state);
            pause();
        }
    }

    /** Waits until t is blocked or waiting (parked, in a monitor, in wait/join). */
    static void awaitBlocked(Thread t) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        for (;;) {
            Thread.State s = t.getState();
            if (s == Thread.State.BLOCKED || s == Thread.State.WAITING || s == Thread.State.TIMED_WAITING) return;
            if (System.nanoTime() > deadline) fail("timed out waiting for " + t.getName() + " to block");
            pause();
        }
    }

    static void join(Thread... threads) {
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    static void pause() {
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A program whose timing assumption did not hold stops with status 3, so it cannot pass for the wrong reason. */
    static void check(boolean ok, String what) {
        if (!ok) fail(what);
    }

    static void fail(String what) {
        System.err.println("probe: assumption failed: " + what);
        System.exit(3);
    }

    /** A one-shot flag read and written in opaque mode: orders events in time, gives no happens-before edge. */
    static final class Flag {
        private static final VarHandle VALUE;
        static {
            try {
                VALUE = MethodHandles.lookup().findVarHandle(Flag.class, "value", int.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }
        @SuppressWarnings("unused")
        private int value;

        void set() {
            VALUE.setOpaque(this, 1);
        }

        boolean isSet() {
            return (int) VALUE.getOpaque(this) != 0;
        }

        void await() {
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (!isSet()) {
                if (System.nanoTime() > deadline) fail("timed out waiting for a flag");
                pause();
            }
        }
    }
}
