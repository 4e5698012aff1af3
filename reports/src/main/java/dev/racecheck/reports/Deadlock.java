package dev.racecheck.reports;

import java.util.ArrayList;
import java.util.List;

/**
 * A cycle of locks: each thread of the cycle takes (or waits for) a lock while holding the lock the previous thread
 * of the cycle takes.
 *
 * <ul>
 *   <li>{@link Kind#POTENTIAL}: a lock-order inversion. In the run the threads took the locks one after the other,
 *       but in opposite orders; another schedule can deadlock. Each edge is where a thread acquired a lock while
 *       holding another.</li>
 *   <li>{@link Kind#ACTUAL}: the threads are blocked in the cycle right now. Each edge is where a thread waits for a
 *       lock while holding another; the lock it waits for is held by the thread of the edge whose {@code held} it
 *       is ({@link #holderOf}).</li>
 * </ul>
 *
 * <p>Edge {@code i} holds {@link #cycle() cycle} lock {@code i} and acquires lock {@code i + 1}: in a complete
 * cycle {@code edges[i].acquired} is {@code edges[i + 1].held} and the last edge acquires the first edge's held
 * lock. This is a convention of whoever builds the report, not checked here.
 *
 * @param kind        potential (lock-order inversion) or actual (threads blocked now)
 * @param edges       the cycle's edges, one per thread and lock taken, in cycle order
 * @param threads     the threads of the edges, one entry each, in the order of their first edge
 * @param occurrences how often this cycle was seen (1 when first reported; merged reports carry the total)
 */
public record Deadlock(Kind kind, List<Edge> edges, List<ThreadInfo> threads, long occurrences) {

    /** Whether the threads only could deadlock, or do. */
    public enum Kind {
        /** A lock-order inversion: another schedule can deadlock. */
        POTENTIAL,
        /** The threads are blocked in the cycle. */
        ACTUAL
    }

    /**
     * One thread taking one lock of the cycle while holding the previous one.
     *
     * @param thread     the thread's serial number (see {@link ThreadInfo#id()})
     * @param acquired   the lock the thread acquired (potential) or waits for (actual)
     * @param acquiredAt where it acquired or waits for that lock, innermost frame first
     * @param held       the lock the thread held meanwhile
     * @param heldAt     where the thread had acquired the held lock, innermost frame first; empty when not known
     */
    public record Edge(long thread, LockInfo acquired, List<Frame> acquiredAt, LockInfo held, List<Frame> heldAt) {
        public Edge {
            acquiredAt = List.copyOf(acquiredAt);
            heldAt = List.copyOf(heldAt);
        }

        /**
         * Where the program acquired (or waits for) the lock: the innermost frame of {@code acquiredAt} that is not
         * the JDK's (a detector may record {@code ReentrantLock.lock} on top), else its innermost frame; {@code null}
         * for an empty stack.
         */
        public Frame acquiredFrame() {
            return programFrame(acquiredAt);
        }

        /** Where the program had acquired the held lock, as {@link #acquiredFrame()}; {@code null} when not known. */
        public Frame heldFrame() {
            return programFrame(heldAt);
        }

        private static Frame programFrame(List<Frame> stack) {
            for (Frame f : stack) if (!TestFrames.isJdk(f.className())) return f;
            return stack.isEmpty() ? null : stack.get(0);
        }
    }

    public Deadlock {
        edges = List.copyOf(edges);
        threads = List.copyOf(threads);
    }

    /**
     * The locks in cycle order, closed: each edge's held lock, then the last edge's acquired lock (the first lock
     * again in a complete cycle), as text prints {@code Cycle: A => B => A}. Empty for a deadlock without edges.
     */
    public List<LockInfo> cycle() {
        List<LockInfo> locks = new ArrayList<>(edges.size() + 1);
        for (Edge e : edges) locks.add(e.held());
        if (!edges.isEmpty()) locks.add(edges.get(edges.size() - 1).acquired());
        return locks;
    }

    /**
     * The edge whose thread holds {@code lock} (in an actual deadlock: who blocks the waiter), or {@code null}. A read
     * or write lock is held, as far as a waiter for the other one of the same read-write lock is concerned, also by
     * an edge holding that other one: a writer waits for the readers, a reader for the writer.
     */
    public Edge holderOf(LockInfo lock) {
        for (Edge e : edges) if (e.held().equals(lock)) return e;
        if (lock.kind() == LockInfo.Kind.READ_LOCK || lock.kind() == LockInfo.Kind.WRITE_LOCK) {
            for (Edge e : edges) {
                LockInfo held = e.held();
                if ((held.kind() == LockInfo.Kind.READ_LOCK || held.kind() == LockInfo.Kind.WRITE_LOCK)
                        && held.instance() != null && held.instance().equals(lock.instance())) {
                    return e;
                }
            }
        }
        return null;
    }

    /** The thread with the given serial number, or {@code null}. */
    public ThreadInfo thread(long id) {
        for (ThreadInfo t : threads) if (t.id() == id) return t;
        return null;
    }

    /** The same deadlock seen {@code n} times. */
    public Deadlock withOccurrences(long n) {
        return new Deadlock(kind, edges, threads, n);
    }
}
