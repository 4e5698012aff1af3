package dev.racecheck.agent.runtime.locks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import org.junit.jupiter.api.Test;

import dev.racecheck.agent.runtime.report.Sites;
import dev.racecheck.agent.runtime.shadow.Shadow;
import dev.racecheck.agent.runtime.shadow.TestShadows;
import dev.racecheck.agent.runtime.threads.ThreadState;
import dev.racecheck.agent.runtime.threads.Threads;
import dev.racecheck.reports.Deadlock;

/**
 * The deadlock watchdog's scan on threads really blocked in this JVM: two threads each hold a ReentrantLock and wait
 * (interruptibly, so the test can free them) for the other's, with racecheck's records made by hand, as the agent's
 * hooks would make them. A cycle of blocked threads is found and reported; a thread that is not blocked on what it
 * recorded is not counted.
 */
class BlockedThreadsTest {
    /** A ReentrantLock as the hooks see it: its sync (the park blocker) is the key. */
    private static final class Lock {
        final ReentrantLock lock = new ReentrantLock();
        final Shadow shadow = TestShadows.newShadow();
        Object sync;
    }

    private final int site = Sites.register("test.Blocked", "run", "Blocked.java", 7, null, null);

    private Thread blocker(String name, Lock mine, Lock wanted, CountDownLatch bothHold, ThreadState[] state) {
        return new Thread(() -> {
            ThreadState ts = Threads.create(Thread.currentThread(), null, 0);
            state[0] = ts;
            mine.lock.lock();
            Locks.acquired(ts, mine.shadow, mine.sync, Locks.LOCK, 0, site);
            bothHold.countDown();
            try {
                bothHold.await();
                Locks.waiting(ts, wanted.sync, Locks.LOCK);
                wanted.lock.lockInterruptibly();
            } catch (InterruptedException e) {
                Locks.notWaiting(ts);
            } finally {
                mine.lock.unlock();
            }
        }, name);
    }

    @Test
    void aCycleOfThreadsBlockedOnEachOthersLocksIsFoundAndReported() throws Exception {
        Lock a = new Lock();
        Lock b = new Lock();
        // The park blocker of a thread waiting in lock() is the lock's sync: find it as the hooks' key.
        a.sync = syncOf(a.lock);
        b.sync = syncOf(b.lock);
        CountDownLatch bothHold = new CountDownLatch(2);
        ThreadState[] s1 = new ThreadState[1];
        ThreadState[] s2 = new ThreadState[1];
        Thread t1 = blocker("t1", a, b, bothHold, s1);
        Thread t2 = blocker("t2", b, a, bothHold, s2);
        t1.setDaemon(true);
        t2.setDaemon(true);
        t1.start();
        t2.start();
        try {
            awaitParked(t1, b.sync);
            awaitParked(t2, a.sync);
            BlockedThreads.Scan scan = BlockedThreads.scan();
            BlockedThreads.Cycle cycle = scan.cycles.stream()
                    .filter(c -> c.key.contains(s1[0].record.serial + "/") && c.key.contains(s2[0].record.serial + "/"))
                    .findFirst().orElse(null);
            assertNotNull(cycle, () -> "no cycle of t1 and t2 in " + scan.cycles.size() + " cycles");
            assertEquals(cycle.key, BlockedThreads.scan().cycles.stream().filter(c -> c.key.equals(cycle.key))
                    .findFirst().map(c -> c.key).orElse(null), "the same acquisitions in the next scan: confirmed");
            Deadlock d = cycle.report();
            assertNotNull(d);
            assertEquals(Deadlock.Kind.ACTUAL, d.kind());
            assertEquals(2, d.edges().size());
            for (Deadlock.Edge e : d.edges()) {
                assertTrue(e.acquiredAt().stream().anyMatch(f -> f.className().equals(ReentrantLock.class.getName())),
                        "the waiter's stack is its stack now, in lockInterruptibly: " + e.acquiredAt());
                assertFalse(e.heldAt().isEmpty(), "where the held lock was taken: " + e);
                assertEquals(d.holderOf(e.acquired()).held(), e.acquired());
            }
        } finally {
            t1.interrupt();
            t2.interrupt();
            t1.join(10_000);
            t2.join(10_000);
        }
    }

    @Test
    void aRecordedWaitTheThreadIsNotBlockedInDoesNotCount() throws Exception {
        Lock a = new Lock();
        a.sync = syncOf(a.lock);
        ThreadState ts = Threads.create(Thread.currentThread(), null, 0);
        Locks.acquired(ts, a.shadow, a.sync, Locks.LOCK, 0, site);
        Locks.waiting(ts, a.sync, Locks.LOCK); // recorded, but this thread runs on
        for (BlockedThreads.Cycle c : BlockedThreads.scan().cycles) {
            assertTrue(!c.key.contains(ts.record.serial + "/"), "a running thread is in a cycle: " + c.key);
        }
        Locks.notWaiting(ts);
    }

    /** The lock's sync, which a thread waiting in lock() parks on: seen as the blocker of a helper made to wait. */
    private static Object syncOf(ReentrantLock lock) throws Exception {
        lock.lock();
        Thread helper = new Thread(() -> {
            lock.lock();
            lock.unlock();
        });
        try {
            helper.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            Object blocker;
            while ((blocker = java.util.concurrent.locks.LockSupport.getBlocker(helper)) == null) {
                assertTrue(System.nanoTime() < deadline, "the helper did not park");
                Thread.sleep(1);
            }
            return blocker;
        } finally {
            lock.unlock();
            helper.join();
        }
    }

    private static void awaitParked(Thread t, Object sync) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!(t.getState() == Thread.State.WAITING && java.util.concurrent.locks.LockSupport.getBlocker(t) == sync)) {
            assertTrue(System.nanoTime() < deadline, t.getName() + " did not park on the lock");
            Thread.sleep(5);
        }
    }
}
