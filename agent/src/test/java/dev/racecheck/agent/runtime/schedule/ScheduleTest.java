package dev.racecheck.agent.runtime.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.racecheck.agent.runtime.threads.ThreadState;
import dev.racecheck.agent.runtime.threads.Threads;

/**
 * The schedule exploration's decisions and waits, with real threads in this JVM (no agent: the test calls the schedule
 * points itself). The priorities are set by hand where a test needs an order.
 */
@Timeout(120)
class ScheduleTest {

    /** Each test starts with the run's wait budget untouched (the waits of earlier tests count against it). */
    @org.junit.jupiter.api.BeforeEach
    void freshBudget() {
        Schedule.waited = 0L;
    }

    // ---- decisions --------------------------------------------------------------------------------------------

    @Test
    void theSameSeedAndPlaceGiveTheSameDecisions() {
        ThreadSchedule a = new ThreadSchedule(Thread.currentThread(), 42, 7, 1, Strategy.PCT);
        ThreadSchedule b = new ThreadSchedule(new Thread(), 42, 7, 99, Strategy.PCT);
        assertEquals(a.priority, b.priority);
        assertEquals(a.changeAt, b.changeAt);
        assertEquals(a.yieldChance, b.yieldChance);
        for (int i = 0; i < 100; i++) assertEquals(a.nextLong(), b.nextLong());
        for (int i = 0; i < 5; i++) assertEquals(a.childIdentity(), b.childIdentity());

        ThreadSchedule otherSeed = new ThreadSchedule(Thread.currentThread(), 43, 7, 1, Strategy.PCT);
        ThreadSchedule otherPlace = new ThreadSchedule(Thread.currentThread(), 42, 8, 1, Strategy.PCT);
        assertNotEquals(a.priority, otherSeed.priority);
        assertNotEquals(a.priority, otherPlace.priority);
    }

    @Test
    void aChildsPlaceIsItsParentsAndItsStartOrder() {
        ThreadSchedule p = new ThreadSchedule(Thread.currentThread(), 1, ThreadSchedule.ROOT, 1, Strategy.PCT);
        ThreadSchedule q = new ThreadSchedule(Thread.currentThread(), 1, ThreadSchedule.ROOT, 2, Strategy.PCT);
        long first = p.childIdentity();
        long second = p.childIdentity();
        assertNotEquals(first, second);
        assertEquals(first, q.childIdentity());
        assertEquals(second, q.childIdentity());
    }

    @Test
    void runsDifferInHowOftenThreadsStepBack() {
        java.util.Set<Integer> chances = new java.util.HashSet<>();
        for (long seed = 0; seed < 200; seed++) {
            chances.add(new ThreadSchedule(Thread.currentThread(), seed, 1, 1, Strategy.PCT).yieldChance);
        }
        assertEquals(4, chances.size(), chances.toString());
    }

    // ---- waits ------------------------------------------------------------------------------------------------

    /** A thread that takes part, passing points for {@code busyMillis}, then marks {@code done} and blocks. */
    private static final class Busy implements AutoCloseable {
        final Thread thread;
        final AtomicBoolean done = new AtomicBoolean();
        final CountDownLatch running = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        Busy(long priority, long busyMillis) throws InterruptedException {
            thread = new Thread(() -> {
                ThreadState ts = participant(Thread.currentThread(), priority);
                try {
                    running.countDown();
                    long end = System.nanoTime() + busyMillis * 1_000_000L;
                    while (System.nanoTime() < end) Schedule.point(ts);
                    done.set(true);
                    release.await();
                } catch (InterruptedException e) {
                    // ends
                } finally {
                    Schedule.end(ts);
                }
            }, "busy");
            thread.start();
            running.await();
        }

        @Override
        public void close() throws InterruptedException {
            release.countDown();
            thread.join();
        }
    }

    /** The current thread's state, taking part with a fixed priority, never stepping back or changing it. */
    private static ThreadState participant(Thread t, long priority) {
        ThreadState ts = Threads.create(t, null, 0);
        ThreadSchedule s = new ThreadSchedule(t, quietSeed(), ts.record.serial, ts.record.serial, Strategy.PCT);
        s.priority = priority;
        s.changeAt = 0;
        Schedule.participate(ts, s);
        return ts;
    }

    /** A seed whose runs never step back (no random waits in these tests). */
    private static long quietSeed() {
        for (long seed = 0; ; seed++) {
            if (new ThreadSchedule(Thread.currentThread(), seed, 1, 1, Strategy.PCT).yieldChance == 0) return seed;
        }
    }

    /** Runs {@code body} in a new participating thread of the given priority; returns what it returned. */
    private static <T> T inThread(long priority, java.util.function.Function<ThreadState, T> body) throws Exception {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = new Thread(() -> {
            ThreadState ts = participant(Thread.currentThread(), priority);
            try {
                result.set(body.apply(ts));
            } catch (Throwable e) {
                failure.set(e);
            } finally {
                Schedule.end(ts);
            }
        }, "subject");
        t.start();
        t.join();
        if (failure.get() != null) throw new AssertionError(failure.get());
        return result.get();
    }

    @Test
    void aLowerThreadWaitsWhileAHigherOneRuns() throws Exception {
        try (Busy high = new Busy(1000, 200)) {
            boolean sawDone = inThread(1, ts -> {
                Schedule.point(ts);
                return high.done.get();
            });
            assertTrue(sawDone, "the lower thread went on while the higher one was still running");
        }
    }

    /**
     * A higher thread that computes for {@code millis} of CPU time without passing a point, inside racecheck's own work
     * (instrumenting the classes it loads) or not; then marks {@code done} and passes points until released.
     */
    private static final class Computing implements AutoCloseable {
        final Thread thread;
        final AtomicBoolean done = new AtomicBoolean();
        final CountDownLatch computing = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        Computing(long priority, long millis, boolean agentWork) throws InterruptedException {
            thread = new Thread(() -> {
                ThreadState ts = participant(Thread.currentThread(), priority);
                try {
                    Schedule.point(ts);
                    if (agentWork) Schedule.agentWorkBegins(ts);
                    computing.countDown();
                    long end = CpuTime.of(Thread.currentThread()) + millis * 1_000_000L;
                    long sink = 0;
                    while (CpuTime.of(Thread.currentThread()) < end) sink += sink * 31 + 7;
                    if (sink == 42) System.out.print("");
                    if (agentWork) Schedule.agentWorkEnds(ts);
                    done.set(true);
                    release.await();
                } catch (InterruptedException e) {
                    // ends
                } finally {
                    Schedule.end(ts);
                }
            }, "computing");
            thread.start();
            computing.await();
        }

        @Override
        public void close() throws InterruptedException {
            release.countDown();
            thread.join();
        }
    }

    @Test
    void aLowerThreadStopsWaitingForAHigherOneThatComputes() throws Exception {
        CpuTime.load();
        try (Computing high = new Computing(1000, 600, false)) {
            boolean sawDone = inThread(1, ts -> {
                Schedule.point(ts);
                return high.done.get();
            });
            assertFalse(sawDone, "the lower thread waited out 600 ms of the higher one's computing");
        }
    }

    @Test
    void racechecksOwnWorkIsNoStall() throws Exception {
        CpuTime.load();
        try (Computing high = new Computing(1000, 130, true)) {
            long[] doneAndTook = inThread(1, ts -> {
                long start = System.nanoTime();
                Schedule.point(ts);
                return new long[] {high.done.get() ? 1 : 0, System.nanoTime() - start};
            });
            // On a loaded machine 130 ms of CPU may take longer than the longest wait: then the wait ran out.
            assertTrue(doneAndTook[0] == 1 || doneAndTook[1] >= Schedule.MAX_WAIT_NANOS * 9 / 10,
                    "the lower thread took 130 ms of instrumenting classes for a stall (gave up after "
                            + doneAndTook[1] / 1_000_000 + " ms)");
        }
    }

    @Test
    void noWaitOnceTheRunsWaitsHaveUsedUpTheBudget() throws Exception {
        long before = Schedule.waited;
        Schedule.waited = Long.MAX_VALUE / 4;
        try (Busy high = new Busy(1000, 2000)) {
            long took = inThread(1, ts -> {
                long start = System.nanoTime();
                for (int i = 0; i < 200; i++) Schedule.point(ts);
                return System.nanoTime() - start;
            });
            assertFalse(high.done.get());
            // Short waits past the budget would add up: 200 points of 1 ms each.
            assertTrue(took < TimeUnit.MILLISECONDS.toNanos(100), "200 points took " + took / 1_000_000 + " ms");
        } finally {
            Schedule.waited = before;
        }
    }

    @Test
    void aHigherThreadDoesNotWaitForALowerOne() throws Exception {
        try (Busy low = new Busy(1, 2000)) {
            long took = inThread(1000, ts -> {
                long start = System.nanoTime();
                for (int i = 0; i < 100; i++) Schedule.point(ts);
                return System.nanoTime() - start;
            });
            assertFalse(low.done.get());
            assertTrue(took < TimeUnit.MILLISECONDS.toNanos(500), "took " + took / 1_000_000 + " ms");
        }
    }

    @Test
    void anInterruptedThreadDoesNotWaitAndKeepsItsInterrupt() throws Exception {
        try (Busy high = new Busy(1000, 2000)) {
            long[] outcome = inThread(1, ts -> {
                Thread.currentThread().interrupt();
                long start = System.nanoTime();
                Schedule.point(ts);
                long took = System.nanoTime() - start;
                return new long[] {took, Thread.interrupted() ? 1 : 0};
            });
            assertTrue(outcome[0] < TimeUnit.MILLISECONDS.toNanos(300), "an interrupted thread waited "
                    + outcome[0] / 1_000_000 + " ms");
            assertEquals(1, outcome[1], "the interrupt was lost");
        }
    }

    /** A permit meant for the program's next park (a lock handed over meanwhile) is not lost in a wait of ours. */
    @Test
    void aParkPermitSurvivesAWait() throws Exception {
        try (Busy high = new Busy(1000, 200)) {
            long parked = inThread(1, ts -> {
                LockSupport.unpark(Thread.currentThread());
                Schedule.point(ts);
                long start = System.nanoTime();
                LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(5));
                return System.nanoTime() - start;
            });
            assertTrue(high.done.get());
            assertTrue(parked < TimeUnit.SECONDS.toNanos(2), "the permit was eaten: parked " + parked / 1_000_000 + " ms");
        }
    }

    /** Threads with every kind of decision, contending for one monitor: all finish (no thread waits for a lower one). */
    @Test
    void manyThreadsSteppingBackAndChangingPriorityAllFinish() throws Exception {
        Object lock = new Object();
        AtomicLong sum = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            long seed = 1000 + i;
            threads.add(new Thread(() -> {
                ThreadState ts = Threads.create(Thread.currentThread(), null, 0);
                ThreadSchedule s = new ThreadSchedule(Thread.currentThread(), seed, seed, ts.record.serial, Strategy.PCT);
                s.changeAt = 50;
                Schedule.participate(ts, s);
                try {
                    for (int k = 0; k < 300; k++) {
                        Schedule.point(ts);
                        synchronized (lock) {
                            Schedule.point(ts);
                            sum.incrementAndGet();
                        }
                    }
                } finally {
                    Schedule.end(ts);
                }
            }, "worker-" + i));
        }
        long start = System.nanoTime();
        for (Thread t : threads) t.start();
        for (Thread t : threads) t.join();
        assertEquals(6 * 300, sum.get());
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(90), "too slow");
    }
}
