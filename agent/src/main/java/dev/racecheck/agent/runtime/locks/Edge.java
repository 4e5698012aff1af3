package dev.racecheck.agent.runtime.locks;

import dev.racecheck.agent.runtime.threads.ThreadRecord;

/**
 * An edge of the lock-order graph: some thread acquired {@link #to} (in {@link #toMode}), blocking, while holding
 * {@link #from} (in {@link #fromMode}). Its first occurrence is kept (thread and both call paths, for the report);
 * later ones only narrow {@link #gates}. Holds nodes, never lock objects. Guarded by {@link LockGraph}'s lock.
 */
final class Edge {
    final LockNode from;
    final int fromMode;
    final LockNode to;
    final int toMode;
    /** Order of creation: a cycle's report starts at its oldest edge. */
    final long seq;
    /** The thread of the first occurrence. */
    final ThreadRecord thread;
    /** Call paths (see {@code CallPaths}) where that thread had acquired {@code from}, and acquired {@code to}; -1 unknown. */
    final int heldPath;
    final int acquiredPath;
    /**
     * Ids, sorted, of the other locks held exclusively at every occurrence of this edge (its gate locks): two edges
     * that share one cannot be taken by two threads at once, so no cycle through both can deadlock.
     */
    long[] gates;

    Edge(LockNode from, int fromMode, LockNode to, int toMode, long seq, ThreadRecord thread, int heldPath,
         int acquiredPath, long[] gates) {
        this.from = from;
        this.fromMode = fromMode;
        this.to = to;
        this.toMode = toMode;
        this.seq = seq;
        this.thread = thread;
        this.heldPath = heldPath;
        this.acquiredPath = acquiredPath;
        this.gates = gates;
    }

    @Override
    public String toString() {
        return from + (fromMode == Locks.SHARED ? "(r)" : "") + " -> " + to + (toMode == Locks.SHARED ? "(r)" : "");
    }
}
