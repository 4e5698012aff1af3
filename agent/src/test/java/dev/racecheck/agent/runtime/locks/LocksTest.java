package dev.racecheck.agent.runtime.locks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.racecheck.agent.runtime.report.QuietReports;
import dev.racecheck.agent.runtime.report.Reporter;
import dev.racecheck.agent.runtime.report.Sites;
import dev.racecheck.agent.runtime.shadow.Shadow;
import dev.racecheck.agent.runtime.shadow.TestShadows;
import dev.racecheck.agent.runtime.threads.ThreadState;
import dev.racecheck.agent.runtime.threads.Threads;
import dev.racecheck.reports.Deadlock;

/**
 * A thread's held locks and the edges its acquisitions put in the graph, driven through {@link Locks} on thread
 * states and shadows made here (each test on locks of its own; the graph is global).
 */
class LocksTest {
    @BeforeAll
    static void quiet() {
        QuietReports.toFile();
    }

    /**
     * A lock object with its shadow. Tests that expect a report use a class of their own for the lock: the reporter
     * reports a deadlock once per fingerprint (lock classes and methods), and all of these take locks in one method.
     */
    private static final class L {
        final Object key;
        final Shadow shadow = TestShadows.newShadow();

        L() {
            this(new Object());
        }

        L(Object key) {
            this.key = key;
        }

        LockNode node() {
            return (LockNode) shadow.lockNode;
        }
    }

    /** Lock classes of their own (anonymous ones would share a fingerprint: it drops javac's numbers). */
    private static final class WaitLock {
    }

    private static final class GateLock {
    }

    private final ThreadState t = Threads.create(new Thread("t"), null, 0);
    private final int site = Sites.register("test.Locks", "run", "Locks.java", 10, null, null);

    private void lock(ThreadState ts, L l, int how) {
        Locks.acquired(ts, l.shadow, l.key, how, 0, site);
    }

    private void lock(L l) {
        lock(t, l, Locks.MONITOR);
    }

    private void unlock(ThreadState ts, L l, int how) {
        Locks.released(ts, l.shadow, how);
    }

    private void unlock(L l) {
        unlock(t, l, Locks.MONITOR);
    }

    private static List<String> edges(L from) {
        return from.node() == null ? List.of() : LockGraph.edgesFrom(from.node());
    }

    private static String id(L l) {
        return String.valueOf(l.node().id);
    }

    private HeldLocks held() {
        return (HeldLocks) t.locks;
    }

    @Test
    void aNestedAcquisitionIsAnEdgeFromEveryLockHeld() {
        L a = new L();
        L b = new L();
        L c = new L();
        lock(a);
        lock(b);
        lock(c);
        assertEquals(List.of(id(b), id(c)), edges(a));
        assertEquals(List.of(id(c)), edges(b));
        unlock(c);
        unlock(b);
        unlock(a);
        assertEquals(0, held().size);
    }

    @Test
    void withNothingHeldThereIsNoEdge() {
        L a = new L();
        L b = new L();
        lock(a);
        unlock(a);
        lock(b);
        unlock(b);
        assertEquals(List.of(), edges(a));
    }

    @Test
    void reentrantAcquisitionsAddNothing() {
        L a = new L();
        L b = new L();
        lock(a);
        lock(b);
        lock(a); // a -> b -> a, the inner a reentrant
        unlock(a);
        unlock(b);
        assertEquals(List.of(), edges(b), "b -> a would be a false inversion");
        lock(a); // a held twice now
        unlock(a);
        assertEquals(1, held().size, "a is still held once");
        unlock(a);
        assertEquals(0, held().size);
    }

    @Test
    void anUntimedTryLockAddsNoEdgeButTheLockIsHeld() {
        L a = new L();
        L b = new L();
        L c = new L();
        lock(t, a, Locks.LOCK);
        lock(t, b, Locks.LOCK | Locks.NONBLOCKING); // cannot block: a -> b is no edge
        lock(t, c, Locks.LOCK);
        assertEquals(List.of(id(c)), edges(a));
        assertEquals(List.of(id(c)), edges(b), "b is held while c is taken");
    }

    @Test
    void aTimedTryLockIsAnEdge() {
        L a = new L();
        L b = new L();
        lock(t, a, Locks.LOCK);
        lock(t, b, Locks.LOCK | Locks.TIMED);
        assertEquals(List.of(id(b)), edges(a));
    }

    @Test
    void aReadLockTakenHoldingTheWriteLockIsReentrant() {
        L rw = new L();
        L m = new L();
        lock(t, rw, Locks.RW);
        lock(t, rw, Locks.RW | Locks.SHARED); // downgrade
        unlock(t, rw, Locks.RW);
        lock(t, m, Locks.MONITOR);
        assertEquals(List.of(id(m) + " r->w"), edges(rw), "the read lock is still held");
    }

    @Test
    void waitGivesTheLockUpUntilItReturns() {
        L outer = new L();
        L a = new L();
        L x = new L();
        lock(outer);
        lock(a);
        Locks.waitBegins(t, a.shadow, a.key, Locks.MONITOR);
        lock(x); // cannot happen during a wait on this thread; stands for what the held set is then
        unlock(x);
        assertEquals(List.of(id(a), id(x)), edges(outer));
        assertEquals(List.of(), edges(a), "a is not held while waiting");
        Locks.waitEnds(t, a.shadow, Locks.MONITOR, 0, site);
        assertEquals(List.of(id(a), id(x)), edges(outer), "taken back holding outer: outer -> a, known");
        unlock(a);
        unlock(outer);
        assertEquals(0, held().size);
    }

    @Test
    void takingBackAfterAWaitWhileHoldingALockTakenLaterIsAnInversion() {
        L a = new L(new WaitLock());
        L x = new L();
        lock(a);
        lock(x);
        Locks.waitBegins(t, a.shadow, a.key, Locks.MONITOR);
        int before = Reporter.deadlockCount();
        Locks.waitEnds(t, a.shadow, Locks.MONITOR, 0, site);
        assertEquals(List.of(id(a)), edges(x), "x is held while a is taken back");
        assertEquals(before + 1, Reporter.deadlockCount(), "a -> x and x -> a: a nested monitor lockout");
        Deadlock d = Reporter.deadlocks().get(before);
        assertEquals(Deadlock.Kind.POTENTIAL, d.kind());
        assertTrue(d.cycle().contains(a.node().info(0)));
    }

    @Test
    void aReleaseOfALockNotHeldChangesNothing() {
        L a = new L();
        L b = new L();
        lock(a);
        unlock(b);
        unlock(t, a, Locks.LOCK); // a's lock of another family
        assertEquals(1, held().size);
    }

    @Test
    void aWaitIsRecordedOnlyHoldingALockAndTheAcquisitionClearsIt() {
        L a = new L();
        L b = new L();
        Locks.waiting(t, a.key, Locks.MONITOR);
        assertTrue(held() == null || held().waitingFor() == null, "holding nothing, a thread is in no deadlock");
        lock(a);
        Locks.waiting(t, b.key, Locks.MONITOR);
        assertSame(b.key, held().waitingFor());
        lock(b);
        assertNull(held().waitingFor());
        Locks.waiting(t, a.key, Locks.LOCK);
        Locks.notWaiting(t);
        assertNull(held().waitingFor());
    }

    @Test
    void aMonitorsCallPathIsWorkedOutOnlyForAnEdgeNewToTheThread() {
        L a = new L();
        L b = new L();
        lock(a);
        assertEquals(HeldLocks.LAZY, held().paths[0], "nothing held: no edge, no path");
        lock(b);
        assertTrue(held().paths[0] != HeldLocks.LAZY && held().paths[1] != HeldLocks.LAZY, "a new edge: both ends");
        unlock(b);
        lock(b);
        assertEquals(HeldLocks.LAZY, held().paths[1], "the same edge again: the thread's cache answers");
        unlock(b);
        unlock(a);
        L c = new L();
        lock(t, c, Locks.LOCK);
        assertTrue(held().paths[0] != HeldLocks.LAZY, "a lock may outlive the frame that took it: its path now");
    }

    @Test
    void anEdgeAgainUnderOtherGateLocksNarrowsItsGates() {
        L g = new L();
        L a = new L(new GateLock());
        L b = new L();
        ThreadState u = Threads.create(new Thread("u"), null, 0);
        int before = Reporter.deadlockCount();
        lock(t, g, Locks.MONITOR);
        lock(t, a, Locks.MONITOR);
        lock(t, b, Locks.MONITOR);
        unlock(t, b, Locks.MONITOR);
        unlock(t, a, Locks.MONITOR);
        unlock(t, g, Locks.MONITOR);
        lock(u, g, Locks.MONITOR);
        lock(u, b, Locks.MONITOR);
        lock(u, a, Locks.MONITOR);
        unlock(u, a, Locks.MONITOR);
        unlock(u, b, Locks.MONITOR);
        unlock(u, g, Locks.MONITOR);
        assertEquals(before, Reporter.deadlockCount(), "both orders under the gate g");
        lock(t, a, Locks.MONITOR);
        lock(t, b, Locks.MONITOR); // a -> b again, without g: not in t's cache with these gates
        assertEquals(before + 1, Reporter.deadlockCount());
    }

    @Test
    void aLockUsedAsAMonitorAndAsAReadWriteLockIsTwoNodes() {
        L s = new L();
        lock(t, s, Locks.RW);
        lock(t, s, Locks.MONITOR);
        LockNode rw = s.node();
        assertEquals(Locks.RW, rw.family);
        assertEquals(List.of(String.valueOf(rw.sibling.id)), LockGraph.edgesFrom(rw));
    }
}
