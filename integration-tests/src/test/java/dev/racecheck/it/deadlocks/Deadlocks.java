package dev.racecheck.it.deadlocks;

/**
 * Helpers of the programs of this package. The waits here order events in time without a happens-before edge
 * racecheck models ({@code Thread.getState()} polling), so that two acquisitions happen one after the other, as in
 * two tests seconds apart, and the run itself cannot deadlock.
 */
final class Deadlocks {
    private Deadlocks() {
    }

    /** A started platform thread. */
    static Thread start(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.start();
        return t;
    }

    /** {@code Thread.ofVirtual().name(name).start(task)} (JDK 21+, by reflection: compiled for 17). */
    static Thread startVirtual(String name, Runnable task) {
        try {
            Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
            Class<?> ofVirtual = Class.forName("java.lang.Thread$Builder$OfVirtual");
            builder = ofVirtual.getMethod("name", String.class).invoke(builder, name);
            return (Thread) Class.forName("java.lang.Thread$Builder").getMethod("start", Runnable.class)
                    .invoke(builder, task);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("virtual threads need JDK 21 or newer", e);
        }
    }

    /** Waits until {@code t} has ended, without the edge a join would give. */
    static void awaitTerminated(Thread t) {
        awaitState(t, Thread.State.TERMINATED);
    }

    static void awaitState(Thread t, Thread.State state) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (t.getState() != state) {
            check(System.nanoTime() < deadline, t.getName() + " is not " + state + " after 60 s");
            pause();
        }
    }

    /**
     * Waits until every thread is blocked on a lock (a monitor, or parked on a lock's sync), then prints
     * {@code blocked <epoch millis>}: the moment from which racecheck must end the JVM within five seconds.
     */
    static void announceWhenBlocked(Thread... threads) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        for (Thread t : threads) {
            while (!blockedOnALock(t)) {
                check(System.nanoTime() < deadline, t.getName() + " did not block within 60 s");
                pause();
            }
        }
        System.out.println("blocked " + System.currentTimeMillis());
        System.out.flush();
    }

    private static boolean blockedOnALock(Thread t) {
        Thread.State s = t.getState();
        if (s == Thread.State.BLOCKED) return true;
        Object blocker = java.util.concurrent.locks.LockSupport.getBlocker(t);
        return s == Thread.State.WAITING && blocker != null
                && (blocker.getClass().getName().startsWith("java.util.concurrent.locks.Reentrant")
                    || blocker instanceof java.util.concurrent.locks.StampedLock);
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

    /** Both threads hold their first lock before either takes its second: a latch of two. */
    static final class Meet {
        private final java.util.concurrent.CountDownLatch latch = new java.util.concurrent.CountDownLatch(2);

        void arrive() {
            latch.countDown();
            try {
                latch.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** A timing assumption that did not hold: status 3, so that the run cannot pass for the wrong reason. */
    static void check(boolean holds, String assumption) {
        if (!holds) {
            System.out.println("timing assumption failed: " + assumption);
            System.out.flush();
            Runtime.getRuntime().halt(3);
        }
    }
}
