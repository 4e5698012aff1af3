package dev.racecheck.agent.runtime.locks;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.racecheck.agent.runtime.report.Internal;
import dev.racecheck.agent.runtime.threads.CallPaths;
import dev.racecheck.agent.runtime.threads.ThreadRecord;
import dev.racecheck.reports.Deadlock;
import dev.racecheck.reports.Frame;
import dev.racecheck.reports.ThreadInfo;

/**
 * The lock-order graph of the run: an edge A -> B for every pair of locks some thread acquired, blocking, B while
 * holding A. A cycle is a potential deadlock (a lock-order inversion, as ThreadSanitizer reports them), whether or
 * not the acquisitions overlapped in time: two tests seconds apart, or one thread taking A -> B and later B -> A, are
 * code paths another schedule runs at once.
 *
 * <p>A cycle counts only if its edges can be blocked on at the same time:
 * <ul>
 *   <li>at each lock of the cycle, the mode it is acquired in and the mode it is held in conflict: a read lock
 *       held while another thread wants the read lock does not block it (read -> read is no deadlock, write/read
 *       and write/write are);</li>
 *   <li>no two edges share a gate lock (another lock held exclusively at every occurrence of the edge), and no edge's
 *       gate is another edge's held lock: the threads could not be at both places at once.</li>
 * </ul>
 *
 * <p>Edges are added, and cycles looked for, only when a thread's acquisition is new to it (see {@link HeldLocks}):
 * never on the hot path. Nodes whose lock was collected are dropped after each GC ({@link #pruneCollected}): no
 * cycle through them can close any more, and their reports, already printed, hold only text.
 */
public final class LockGraph {
    private static final Object LOCK = new Object();
    /** Nodes with at least one edge (in or out). Guarded by LOCK. */
    private static final List<LockNode> NODES = new ArrayList<>();
    /** The lock sets of the cycles reported, so each is reported once. Guarded by LOCK. */
    private static final Set<String> REPORTED = new HashSet<>();
    /** Every edge by its ends and modes: a lock held around many others (a registry's lock) has many. Guarded by LOCK. */
    private static final Map<EdgeKey, Edge> EDGES = new HashMap<>();
    private static long nextSeq;
    private static long edgeCount;

    private record EdgeKey(long from, long to, int modes) {
        static EdgeKey of(LockNode from, int fromMode, LockNode to, int toMode) {
            return new EdgeKey(from.id, to.id, fromMode << 8 | toMode);
        }
    }
    /** Most edges one cycle search may look at: a bound on the work a new edge costs in a huge graph. */
    private static final int SEARCH_BUDGET = 200_000;

    private LockGraph() {
        // no instances
    }

    /**
     * An occurrence of the edge {@code from} (held in {@code fromMode} since call path {@code heldPath}) ->
     * {@code to} (acquired in {@code toMode} at {@code acquiredPath}) with the gate locks {@code gates} (sorted ids).
     * Returns the potential deadlock this occurrence closes, new, or null.
     */
    static Deadlock occurrence(ThreadRecord thread, LockNode from, int fromMode, int heldPath, LockNode to, int toMode,
                               int acquiredPath, long[] gates) {
        List<Edge> cycle;
        synchronized (LOCK) {
            Edge e = EDGES.get(EdgeKey.of(from, fromMode, to, toMode));
            if (e == null) {
                e = new Edge(from, fromMode, to, toMode, nextSeq++, thread, heldPath, acquiredPath, gates);
                addEdge(e);
            } else {
                long[] narrowed = intersection(e.gates, gates);
                if (narrowed.length == e.gates.length) return null; // nothing new: no new cycle can have closed
                e.gates = narrowed;
            }
            cycle = findCycle(e);
            if (cycle == null || !REPORTED.add(lockSet(cycle))) return null;
        }
        return deadlock(cycle);
    }

    private static void addEdge(Edge e) {
        LockNode from = e.from;
        if (from.out == null) from.out = new Edge[2];
        else if (from.outCount == from.out.length) from.out = Arrays.copyOf(from.out, from.outCount * 2);
        from.out[from.outCount++] = e;
        EDGES.put(EdgeKey.of(from, e.fromMode, e.to, e.toMode), e);
        edgeCount++;
        if (!from.inGraph) {
            from.inGraph = true;
            NODES.add(from);
        }
        if (!e.to.inGraph) {
            e.to.inGraph = true;
            NODES.add(e.to);
        }
    }

    /** The sorted ids present in both. */
    static long[] intersection(long[] a, long[] b) {
        long[] out = new long[Math.min(a.length, b.length)];
        int n = 0;
        for (int i = 0, j = 0; i < a.length && j < b.length;) {
            if (a[i] == b[j]) {
                out[n++] = a[i];
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    private static boolean intersects(long[] sorted, long[] other) {
        for (int i = 0, j = 0; i < sorted.length && j < other.length;) {
            if (sorted[i] == other[j]) return true;
            if (sorted[i] < other[j]) i++;
            else j++;
        }
        return false;
    }

    private static boolean contains(long[] sorted, long id) {
        return Arrays.binarySearch(sorted, id) >= 0;
    }

    /** Whether a lock acquired in mode {@code acquired} waits for its holder in mode {@code held}. */
    static boolean conflict(int acquired, int held) {
        return acquired != Locks.SHARED || held != Locks.SHARED;
    }

    /**
     * A valid cycle through {@code e0}, as its edges starting with e0, or null: a path from e0's target back to its
     * source whose every lock is acquired and held in conflicting modes and whose edges could all block at once (see
     * the class comment). Looks only among the nodes that can reach the source at all.
     */
    private static List<Edge> findCycle(Edge e0) {
        Set<LockNode> useful = reachingBack(e0.to, e0.from);
        if (useful == null) return null;
        List<Edge> path = new ArrayList<>();
        path.add(e0);
        Set<LockNode> onPath = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        onPath.add(e0.from);
        onPath.add(e0.to);
        // Iterative depth-first search: a frame is a node and the index of its next out edge to try.
        ArrayDeque<int[]> next = new ArrayDeque<>();
        ArrayDeque<LockNode> nodes = new ArrayDeque<>();
        nodes.push(e0.to);
        next.push(new int[] {0});
        int budget = SEARCH_BUDGET;
        while (!nodes.isEmpty()) {
            LockNode n = nodes.peek();
            int[] i = next.peek();
            Edge in = path.get(path.size() - 1);
            if (i[0] >= n.outCount || --budget < 0) {
                if (budget < 0) {
                    Internal.verbose("lock-order graph: cycle search gave up after " + SEARCH_BUDGET + " steps");
                    return null;
                }
                nodes.pop();
                next.pop();
                onPath.remove(n);
                path.remove(path.size() - 1);
                continue;
            }
            Edge e = n.out[i[0]++];
            if (!conflict(in.toMode, e.fromMode) || !compatible(e, path)) continue;
            if (e.to == e0.from) {
                if (!conflict(e.toMode, e0.fromMode)) continue;
                path.add(e);
                return path;
            }
            if (onPath.contains(e.to) || !useful.contains(e.to)) continue;
            path.add(e);
            onPath.add(e.to);
            nodes.push(e.to);
            next.push(new int[] {0});
        }
        return null;
    }

    /** Whether {@code e} can block at the same time as every edge of {@code path}: no shared gate locks. */
    private static boolean compatible(Edge e, List<Edge> path) {
        for (Edge p : path) {
            if (intersects(e.gates, p.gates) || contains(e.gates, p.from.id) || contains(p.gates, e.from.id)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The nodes reachable from {@code start} from which {@code target} is reachable (target included), or null when
     * target is not reachable from start.
     */
    private static Set<LockNode> reachingBack(LockNode start, LockNode target) {
        Map<LockNode, List<LockNode>> into = new IdentityHashMap<>();
        Set<LockNode> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        ArrayDeque<LockNode> todo = new ArrayDeque<>();
        todo.add(start);
        seen.add(start);
        boolean found = false;
        while (!todo.isEmpty()) {
            LockNode n = todo.poll();
            for (int i = 0; i < n.outCount; i++) {
                LockNode m = n.out[i].to;
                List<LockNode> sources = into.get(m);
                if (sources == null) into.put(m, sources = new ArrayList<>(2));
                sources.add(n);
                if (m == target) found = true;
                if (seen.add(m)) todo.add(m);
            }
        }
        if (!found) return null;
        Set<LockNode> useful = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        useful.add(target);
        todo.add(target);
        while (!todo.isEmpty()) {
            for (LockNode p : into.getOrDefault(todo.poll(), List.of())) {
                if (useful.add(p)) todo.add(p);
            }
        }
        return useful;
    }

    /** The cycle's locks as a key, whatever edge it starts at: sorted ids. */
    private static String lockSet(List<Edge> cycle) {
        long[] ids = new long[cycle.size()];
        for (int i = 0; i < ids.length; i++) ids[i] = cycle.get(i).from.id;
        Arrays.sort(ids);
        return Arrays.toString(ids);
    }

    /** The report of a cycle, starting at its oldest edge (the first the program took), in cycle order. */
    private static Deadlock deadlock(List<Edge> cycle) {
        int first = 0;
        for (int i = 1; i < cycle.size(); i++) {
            if (cycle.get(i).seq < cycle.get(first).seq) first = i;
        }
        List<Deadlock.Edge> edges = new ArrayList<>(cycle.size());
        List<ThreadInfo> threads = new ArrayList<>();
        Map<ThreadRecord, Boolean> seen = new IdentityHashMap<>();
        for (int k = 0; k < cycle.size(); k++) {
            Edge e = cycle.get((first + k) % cycle.size());
            edges.add(new Deadlock.Edge(e.thread.serial, e.to.info(e.toMode), frames(e.acquiredPath),
                    e.from.info(e.fromMode), frames(e.heldPath)));
            if (seen.put(e.thread, Boolean.TRUE) == null) threads.add(info(e.thread));
        }
        return new Deadlock(Deadlock.Kind.POTENTIAL, edges, threads, 1);
    }

    static List<Frame> frames(int path) {
        return path < 0 ? List.of() : CallPaths.frames(path);
    }

    static ThreadInfo info(ThreadRecord r) {
        return new ThreadInfo(r.serial, r.name(), r.alive(), r.startedAt());
    }

    /**
     * Drops the nodes whose lock the GC collected, and every edge from or to them. Runs on racecheck's cleaner thread
     * after each GC.
     */
    public static void pruneCollected() {
        synchronized (LOCK) {
            if (NODES.isEmpty()) return;
            boolean anyDead = false;
            for (LockNode n : NODES) {
                if (n.get() == null) {
                    anyDead = true;
                    break;
                }
            }
            if (!anyDead) return;
            List<LockNode> live = new ArrayList<>(NODES.size());
            for (LockNode n : NODES) {
                if (n.get() == null) {
                    for (int i = 0; i < n.outCount; i++) EDGES.remove(EdgeKey.of(n, n.out[i].fromMode, n.out[i].to, n.out[i].toMode));
                    edgeCount -= n.outCount;
                    n.out = null;
                    n.outCount = 0;
                    n.inGraph = false;
                } else {
                    live.add(n);
                }
            }
            for (LockNode n : live) {
                int kept = 0;
                for (int i = 0; i < n.outCount; i++) {
                    Edge e = n.out[i];
                    if (e.to.get() != null) n.out[kept++] = e;
                    else EDGES.remove(EdgeKey.of(n, e.fromMode, e.to, e.toMode));
                }
                for (int i = kept; i < n.outCount; i++) n.out[i] = null;
                edgeCount -= n.outCount - kept;
                n.outCount = kept;
            }
            // A node left without edges leaves the list: it is in the graph again at its next edge.
            NODES.clear();
            for (LockNode n : live) {
                if (n.outCount > 0) NODES.add(n);
                else n.inGraph = false;
            }
            for (LockNode n : live) {
                for (int i = 0; i < n.outCount; i++) {
                    LockNode to = n.out[i].to;
                    if (!to.inGraph) {
                        to.inGraph = true;
                        NODES.add(to);
                    }
                }
            }
        }
    }

    /** Nodes and edges in the graph now (diagnostics and tests). */
    public static long[] size() {
        synchronized (LOCK) {
            return new long[] {NODES.size(), edgeCount};
        }
    }

    /** The edges from {@code node}, as their target's id and modes: {@code "7"}, {@code "7 r->w"} (tests). */
    static List<String> edgesFrom(LockNode node) {
        synchronized (LOCK) {
            List<String> out = new ArrayList<>();
            for (int i = 0; i < node.outCount; i++) {
                Edge e = node.out[i];
                String modes = e.fromMode == Locks.EXCLUSIVE && e.toMode == Locks.EXCLUSIVE ? ""
                        : " " + (e.fromMode == Locks.SHARED ? "r" : "w") + "->" + (e.toMode == Locks.SHARED ? "r" : "w");
                out.add(e.to.id + modes);
            }
            return out;
        }
    }
}
