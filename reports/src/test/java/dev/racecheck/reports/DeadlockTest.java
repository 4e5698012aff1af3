package dev.racecheck.reports;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class DeadlockTest {
    private static final LockInfo READ = new LockInfo(LockInfo.Kind.READ_LOCK, "java.util.concurrent.locks.ReentrantReadWriteLock@5ce65a89");
    private static final LockInfo WRITE = new LockInfo(LockInfo.Kind.WRITE_LOCK, "java.util.concurrent.locks.ReentrantReadWriteLock@5ce65a89");
    private static final LockInfo OTHER_WRITE = new LockInfo(LockInfo.Kind.WRITE_LOCK, "java.util.concurrent.locks.ReentrantReadWriteLock@1");
    private static final LockInfo MONITOR = new LockInfo(LockInfo.Kind.MONITOR, "java.lang.Object@473dc256");

    @Test
    void aWriterWaitsForTheThreadHoldingTheReadLockOfTheSameLock() {
        Deadlock.Edge reader = new Deadlock.Edge(3, MONITOR, List.of(), READ, List.of());
        Deadlock.Edge writer = new Deadlock.Edge(4, WRITE, List.of(), MONITOR, List.of());
        Deadlock d = new Deadlock(Deadlock.Kind.ACTUAL, List.of(reader, writer), List.of(), 1);
        assertSame(reader, d.holderOf(WRITE));
        assertSame(writer, d.holderOf(MONITOR));
        assertNull(d.holderOf(OTHER_WRITE));
        assertNull(d.holderOf(new LockInfo(LockInfo.Kind.LOCK, READ.instance())), "a plain lock is another object");
    }

    @Test
    void theTextNamesTheLockTheHolderHas() {
        Deadlock.Edge reader = new Deadlock.Edge(3, MONITOR, List.of(), READ,
                List.of(new Frame("demo.Index", "scan", "Index.java", 21, null)));
        Deadlock.Edge writer = new Deadlock.Edge(4, WRITE, List.of(), MONITOR, List.of());
        Deadlock d = new Deadlock(Deadlock.Kind.ACTUAL, List.of(reader, writer),
                List.of(new ThreadInfo(3, "reader", true, List.of()), new ThreadInfo(4, "writer", true, List.of())), 1);
        String text = dev.racecheck.reports.text.TextRenderer.render(d);
        assertTrue(text.contains("Blocked: thread \"writer\" (T4) waits for write lock of " + WRITE.instance()), text);
        assertTrue(text.contains("Read lock of " + READ.instance() + " is held by thread \"reader\" (T3), which acquired"
                + " it at:\n  at demo.Index.scan(Index.java:21)"), text);
    }

    @Test
    void anExactMatchComesFirst() {
        Deadlock.Edge reader = new Deadlock.Edge(3, MONITOR, List.of(), READ, List.of());
        Deadlock.Edge writer = new Deadlock.Edge(4, MONITOR, List.of(), WRITE, List.of());
        Deadlock d = new Deadlock(Deadlock.Kind.ACTUAL, List.of(reader, writer), List.of(), 1);
        assertSame(writer, d.holderOf(WRITE));
        assertSame(reader, d.holderOf(READ));
    }
}
