package dev.racecheck.agent.runtime.locks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import dev.racecheck.agent.runtime.threads.ThreadState;
import dev.racecheck.agent.runtime.threads.Threads;
import dev.racecheck.reports.Deadlock;
import dev.racecheck.reports.LockInfo;

/**
 * The lock-order graph alone: edges put in directly, with made-up call paths (-1), each test on locks of its own
 * (the graph is global).
 */
class LockGraphTest {
    private static final AtomicLong IDS = new AtomicLong(1L << 40);
    private static final long[] NONE = {};
    private final ThreadState t1 = Threads.create(new Thread("t1"), null, 0);
    private final ThreadState t2 = Threads.create(new Thread("t2"), null, 0);
    /** Keeps the test's lock objects alive, so that nodes are not collected under the test. */
    private final List<Object> keys = new ArrayList<>();

    private LockNode node(int family) {
        Object key = new Object();
        keys.add(key);
        return new LockNode(key, family, IDS.incrementAndGet());
    }

    private LockNode monitor() {
        return node(Locks.MONITOR);
    }

    private static Deadlock edge(ThreadState t, LockNode from, int fromMode, LockNode to, int toMode, long... gates) {
        return LockGraph.occurrence(t.record, from, fromMode, -1, to, toMode, -1, gates);
    }

    private static Deadlock edge(ThreadState t, LockNode from, LockNode to, long... gates) {
        return edge(t, from, Locks.EXCLUSIVE, to, Locks.EXCLUSIVE, gates);
    }

    @Test
    void anInversionIsReportedOnceStartingAtTheOldestEdge() {
        LockNode a = monitor();
        LockNode b = monitor();
        assertNull(edge(t1, a, b));
        Deadlock d = edge(t2, b, a);
        assertNotNull(d, "b -> a closes a -> b");
        assertEquals(Deadlock.Kind.POTENTIAL, d.kind());
        assertEquals(List.of(a.info(0), b.info(0), a.info(0)), d.cycle());
        assertEquals(t1.record.serial, d.edges().get(0).thread(), "the first edge is the one taken first");
        assertEquals(List.of(t1.record.serial, t2.record.serial), d.threads().stream().map(i -> i.id()).toList());
        assertNull(edge(t2, b, a), "an edge seen before adds nothing");
        assertNull(edge(t1, a, b));
    }

    @Test
    void oneThreadTakingBothOrdersIsAnInversionToo() {
        LockNode a = monitor();
        LockNode b = monitor();
        assertNull(edge(t1, a, b));
        assertNotNull(edge(t1, b, a));
    }

    @Test
    void aLongerCycleIsFoundByItsClosingEdge() {
        LockNode a = monitor();
        LockNode b = monitor();
        LockNode c = monitor();
        LockNode d = monitor();
        assertNull(edge(t1, a, b));
        assertNull(edge(t1, b, c));
        assertNull(edge(t2, c, d));
        assertNull(edge(t2, a, c), "a path, no cycle");
        Deadlock found = edge(t2, d, a);
        assertNotNull(found);
        assertEquals(List.of(a.info(0), b.info(0), c.info(0), d.info(0), a.info(0)), found.cycle());
    }

    @Test
    void readLocksHeldAndWantedOnBothSidesAreNoDeadlock() {
        LockNode rw = node(Locks.RW);
        LockNode m = monitor();
        assertNull(edge(t1, rw, Locks.SHARED, m, Locks.EXCLUSIVE));
        assertNull(edge(t2, m, Locks.EXCLUSIVE, rw, Locks.SHARED), "readers do not block readers");
        Deadlock d = edge(t2, m, Locks.EXCLUSIVE, rw, Locks.EXCLUSIVE);
        assertNotNull(d, "a writer waits for the reader");
        assertEquals(List.of(rw.info(Locks.SHARED), m.info(0), rw.info(Locks.EXCLUSIVE)), d.cycle());
        assertEquals(LockInfo.Kind.READ_LOCK, rw.info(Locks.SHARED).kind());
    }

    @Test
    void writeThenReadIsADeadlock() {
        LockNode rw = node(Locks.RW);
        LockNode m = monitor();
        assertNull(edge(t1, rw, Locks.EXCLUSIVE, m, Locks.EXCLUSIVE));
        assertNotNull(edge(t2, m, Locks.EXCLUSIVE, rw, Locks.SHARED), "a reader waits for the writer");
    }

    @Test
    void twoReadWriteLocksReadInBothOrdersAreNoDeadlockButWrittenAre() {
        LockNode x = node(Locks.RW);
        LockNode y = node(Locks.RW);
        assertNull(edge(t1, x, Locks.SHARED, y, Locks.SHARED));
        assertNull(edge(t2, y, Locks.SHARED, x, Locks.SHARED));
        assertNotNull(edge(t2, y, Locks.EXCLUSIVE, x, Locks.EXCLUSIVE), "y -> x written; x read -> y read: x's writer waits for its reader, y's reader for its writer");
    }

    @Test
    void aGateLockHeldByBothEdgesPreventsTheReport() {
        LockNode g = monitor();
        LockNode a = monitor();
        LockNode b = monitor();
        assertNull(edge(t1, a, b, g.id));
        assertNull(edge(t2, b, a, g.id), "both orders are taken only under g");
        Deadlock d = edge(t2, b, a);
        assertNotNull(d, "once b -> a is also taken without g, the gate no longer protects");
    }

    @Test
    void aGateLockHeldByOnlyOneEdgeDoesNotPrevent() {
        LockNode g = monitor();
        LockNode a = monitor();
        LockNode b = monitor();
        assertNull(edge(t1, a, b, g.id));
        assertNotNull(edge(t2, b, a));
    }

    @Test
    void aGateThatIsAnotherEdgesHeldLockPreventsTheReport() {
        LockNode a = monitor();
        LockNode b = monitor();
        LockNode c = monitor();
        // t1 holds c, then a, and takes b: a -> b with gate c. t2: b -> c, c -> a. For a -> b to block, t1 holds c;
        // for c -> a to block, its thread holds c too: impossible at once.
        assertNull(edge(t1, a, b, c.id));
        assertNull(edge(t2, b, c));
        assertNull(edge(t2, c, a));
    }

    @Test
    void acyclicGraphsAreCheapToGrow() {
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            LockNode previous = monitor();
            LockNode first = previous;
            for (int i = 0; i < 20_000; i++) { // a star of 20,000 edges from one lock too (a registry lock)
                LockNode n = monitor();
                assertNull(edge(t1, previous, n));
                assertNull(edge(t1, first, n));
                previous = n;
            }
        });
    }

    @Test
    void collectedLocksLeaveTheGraphAndTheirReportsStayPrintable() {
        LockNode a = monitor();
        LockNode b = monitor();
        LockNode c = monitor();
        assertNull(edge(t1, a, b));
        Deadlock d = edge(t2, b, a);
        assertNotNull(d);
        assertNull(edge(t1, b, c));
        String text = dev.racecheck.reports.text.TextRenderer.render(d);
        a.clear(); // as the GC does
        b.clear();
        LockGraph.pruneCollected();
        assertEquals(List.of(), LockGraph.edgesFrom(a));
        assertEquals(List.of(), LockGraph.edgesFrom(b));
        assertEquals(text, dev.racecheck.reports.text.TextRenderer.render(d), "the report keeps text, not locks");
    }

    @Test
    void edgesToACollectedLockAreDropped() {
        LockNode a = monitor();
        LockNode b = monitor();
        LockNode c = monitor();
        assertNull(edge(t1, a, b));
        assertNull(edge(t1, a, c));
        b.clear();
        LockGraph.pruneCollected();
        assertEquals(List.of(String.valueOf(c.id)), LockGraph.edgesFrom(a));
    }
}
