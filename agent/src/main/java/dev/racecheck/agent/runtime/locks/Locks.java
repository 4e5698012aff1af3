package dev.racecheck.agent.runtime.locks;

import java.util.ArrayList;
import java.util.List;

import dev.racecheck.agent.runtime.report.Config;
import dev.racecheck.agent.runtime.report.Internal;
import dev.racecheck.agent.runtime.report.Reporter;
import dev.racecheck.agent.runtime.shadow.Shadow;
import dev.racecheck.agent.runtime.threads.CallPaths;
import dev.racecheck.agent.runtime.threads.ThreadState;
import dev.racecheck.reports.Deadlock;

/**
 * Lock-order tracking, fed by {@code RaceEvents} for every lock operation of the program: monitors
 * ({@code synchronized}), {@code ReentrantLock}, the read and write locks of {@code ReentrantReadWriteLock} and
 * {@code StampedLock}, and the give-up and take-back of {@code Object.wait} and {@code Condition.await}.
 *
 * <p>Per thread ({@link HeldLocks}): the locks held, and the blocking acquisition in progress. An acquisition that
 * can block (not an untimed {@code tryLock}), of a lock the thread does not hold yet, made while holding others,
 * adds an edge held -> acquired to the {@link LockGraph} for each lock held, unless this thread added that edge
 * with the same gate locks before (a small per-thread cache): the graph and its cycle search are touched only by
 * acquisitions new to the thread, and only they need call paths (a monitor's is worked out then, see
 * {@link HeldLocks}). An acquisition with nothing held, a reentrant one and a release cost a few array operations on
 * the thread's own state; so does an acquisition that repeats edges the thread made before.
 *
 * <p>The caller has checked that racecheck's events are on for the thread ({@code ts.ignore == 0}); these methods
 * turn them off while they run (what they call may take JDK locks) and never throw.
 */
public final class Locks {
    /** Lock families (the kind of node) and modes, combined in an {@code int how}. */
    public static final int MONITOR = 0;
    public static final int LOCK = 1;
    /** A read-write lock ({@code ReentrantReadWriteLock}, {@code StampedLock}): modes {@link #SHARED} and exclusive. */
    public static final int RW = 2;
    public static final int FAMILY = 3;
    public static final int EXCLUSIVE = 0;
    public static final int SHARED = 4;
    /** A timed wait ({@code tryLock(time, unit)}): it adds edges, but threads in it are not deadlocked. */
    public static final int TIMED = 8;
    /** An untimed {@code tryLock}: it cannot block, so it adds no edge (the lock it takes is held all the same). */
    public static final int NONBLOCKING = 16;

    /** detect_deadlocks: fixed before the first class is instrumented, so a JIT folds the checks. */
    public static final boolean ENABLED = Config.detectDeadlocks;

    /** Every thread's {@link HeldLocks}, for the watchdog; ended threads are dropped by its scans. */
    private static final List<HeldLocks> REGISTRY = new ArrayList<>();
    private static final Object NODES = new Object();
    private static long nextId = 1;

    private Locks() {
        // no instances
    }

    static HeldLocks held(ThreadState ts) {
        Object h = ts.locks;
        if (h != null) return (HeldLocks) h;
        HeldLocks fresh = new HeldLocks(ts);
        ts.locks = fresh;
        synchronized (REGISTRY) {
            REGISTRY.add(fresh);
        }
        return fresh;
    }

    /** The node of {@code key}'s lock of the given family, made on first use. */
    static LockNode node(Shadow s, Object key, int family) {
        Object n = s.lockNode;
        if (n != null) {
            LockNode node = (LockNode) n;
            if (node.family == family) return node;
            LockNode sibling = node.sibling;
            if (sibling != null && sibling.family == family) return sibling;
        }
        synchronized (NODES) {
            LockNode first = (LockNode) s.lockNode;
            if (first == null) {
                LockNode node = new LockNode(key, family, nextId++);
                s.lockNode = node;
                return node;
            }
            if (first.family == family) return first;
            if (first.sibling == null) first.sibling = new LockNode(key, family, nextId++);
            return first.sibling;
        }
    }

    /** The node of {@code s}'s lock of {@code family} (any, if negative) if it has one, else null. */
    private static LockNode existing(Shadow s, int family) {
        Object n = s.lockNode;
        if (n == null) return null;
        LockNode node = (LockNode) n;
        if (node.family == family || family < 0) return node;
        LockNode sibling = node.sibling;
        return sibling != null && sibling.family == family ? sibling : null;
    }

    /** A {@code ReentrantLock} or {@code ReentrantReadWriteLock} was made: reports name it, not its sync. */
    public static void created(Shadow syncShadow, Object sync, Object lock, int family) {
        LockNode node = node(syncShadow, sync, family);
        node.typeName = LockNode.typeName(lock);
        node.identity = System.identityHashCode(lock);
    }

    /**
     * The thread may block acquiring {@code key}'s lock ({@code how}: family, mode, {@link #TIMED}). Recorded only if
     * it holds a lock: a thread that holds none is in no deadlock, and most acquisitions are made so (no record on the
     * uncontended path). What the watchdog needs of a thread that does hold one is there (see BlockedThreads).
     */
    public static void waiting(ThreadState ts, Object key, int how) {
        Object h = ts.locks;
        if (h != null && ((HeldLocks) h).size > 0) ((HeldLocks) h).waiting(key, how);
    }

    /** The blocking acquisition announced by {@link #waiting} ended without the lock (an exception, a time-out). */
    public static void notWaiting(ThreadState ts) {
        Object h = ts.locks;
        if (h != null) ((HeldLocks) h).notWaiting();
    }

    /**
     * The thread acquired {@code key}'s lock (its shadow {@code s}) as {@code how} says, at the call path of
     * {@code site} in frame {@code base} of the thread, or for a JDK method's hook ({@code site} -1) at the call the
     * program made into the JDK.
     */
    public static void acquired(ThreadState ts, Shadow s, Object key, int how, int base, int site) {
        // Most acquisitions: a monitor of the program's, taken holding nothing. It is held now; no edge, no call path.
        Object held = ts.locks;
        Object known = s.lockNode;
        if (held != null && known != null && how == MONITOR && site > 0) {
            HeldLocks h = (HeldLocks) held;
            LockNode node = (LockNode) known;
            if (h.size == 0 && node.family == MONITOR && !h.isWaiting()) {
                h.push(node, EXCLUSIVE, HeldLocks.LAZY, HeldLocks.where(base, site));
                return;
            }
        }
        acquiredSlowly(ts, s, key, how, base, site);
    }

    private static void acquiredSlowly(ThreadState ts, Shadow s, Object key, int how, int base, int site) {
        ts.ignore++;
        try {
            HeldLocks h = held(ts);
            if (h.isWaiting()) h.notWaiting();
            LockNode node = node(s, key, how & FAMILY);
            int mode = how & SHARED;
            int i = h.find(node, mode);
            if (i >= 0) {
                h.counts[i]++; // reentrant in the same mode
                return;
            }
            boolean reentrant = h.holds(node); // a read lock taken holding the write lock, or the reverse
            long where = where(ts, base, site);
            // A monitor's path waits until an edge needs it (see HeldLocks); a lock may outlive its frame: now.
            int path = (how & FAMILY) == MONITOR ? HeldLocks.LAZY : path(ts, where);
            if (!reentrant && (how & NONBLOCKING) == 0 && h.size > 0) path = edges(h, node, mode, path, where);
            h.push(node, mode, path, where);
        } catch (Throwable e) {
            Internal.error("tracking a lock acquisition", e);
        } finally {
            ts.ignore--;
        }
    }

    /**
     * Edges from each lock held (not given up by a wait) to {@code node}, acquired at {@code where} with call path
     * {@code path}, new ones into the graph; returns that path, worked out if an edge needed it.
     */
    private static int edges(HeldLocks h, LockNode node, int mode, int path, long where) {
        long gateSum = 0;
        for (int j = 0; j < h.size; j++) {
            if (!h.given[j] && h.modes[j] == EXCLUSIVE) gateSum += h.nodes[j].mix;
        }
        for (int j = 0; j < h.size; j++) {
            if (h.given[j]) continue;
            LockNode from = h.nodes[j];
            long gates = gateSum - (h.modes[j] == EXCLUSIVE ? from.mix : 0);
            if (h.seen(HeldLocks.edgeKey(from.mix, h.modes[j], node.mix, mode, gates))) continue;
            if (path == HeldLocks.LAZY) path = path(h.ts, where);
            Deadlock d = LockGraph.occurrence(h.ts.record, from, h.modes[j], h.path(j, where), node, mode, path,
                    h.gates(j));
            if (d != null) Reporter.recordDeadlock(d, h.ts.testId);
        }
        return path;
    }

    /**
     * Where an acquisition is made ({@link HeldLocks#where}): frame {@code base} at {@code site}, or for a hook inside
     * a JDK method ({@code site} -1) the program's innermost frame, at its call into the JDK; site 0 when the thread
     * has no frame racecheck knows.
     */
    private static long where(ThreadState ts, int base, int site) {
        if (site < 0) {
            base = ts.depth - 1;
            site = base < 0 ? 0 : ts.sites[base] & ~CallPaths.MARK;
        }
        return HeldLocks.where(base, site);
    }

    /** The call path of an acquisition at {@code where}, made now; -1 when the thread has no frame racecheck knows. */
    private static int path(ThreadState ts, long where) {
        int site = HeldLocks.site(where);
        return site <= 0 ? -1 : CallPaths.leaf(ts, HeldLocks.base(where), site);
    }

    /** The thread released {@code s}'s lock once, in the mode {@code how} says. */
    public static void released(ThreadState ts, Shadow s, int how) {
        Object held = ts.locks;
        if (held == null) return;
        HeldLocks h = (HeldLocks) held;
        LockNode node = existing(s, how & FAMILY);
        if (node == null) return;
        int i = h.find(node, how & SHARED);
        // Not found: taken before racecheck started, or given back by another thread (a StampedLock allows it).
        if (i >= 0 && --h.counts[i] == 0) h.remove(i);
    }

    /**
     * {@code Object.wait} or {@code Condition.await} gives {@code s}'s lock of {@code family} (any, if negative) up,
     * every hold of it, until it returns; then the thread blocks to take it back ({@link #waitEnds}).
     */
    public static void waitBegins(ThreadState ts, Shadow s, Object key, int family) {
        Object held = ts.locks;
        if (held == null) return;
        HeldLocks h = (HeldLocks) held;
        LockNode node = existing(s, family);
        int i = node == null ? -1 : h.find(node, EXCLUSIVE);
        if (i < 0) return;
        h.given[i] = true;
        // When woken it waits for the lock again; the watchdog counts it only once it is blocked on the lock.
        h.waiting(key, node.family | EXCLUSIVE);
    }

    /**
     * The wait returned, the lock taken back: a blocking acquisition while holding the other locks, at the wait's call
     * ({@code base}, {@code site} as in {@link #acquired}).
     */
    public static void waitEnds(ThreadState ts, Shadow s, int family, int base, int site) {
        Object held = ts.locks;
        if (held == null) return;
        ts.ignore++;
        try {
            HeldLocks h = (HeldLocks) held;
            h.notWaiting();
            LockNode node = existing(s, family);
            int i = node == null ? -1 : h.find(node, EXCLUSIVE);
            if (i < 0 || !h.given[i]) return;
            h.given[i] = false;
            // The lock must be free again for the waiter to go on: the locks it kept meanwhile are held while it blocks.
            // Edges from them count only if the lock was not taken under them in the first place (those are in the
            // graph already, or in the thread's cache).
            if (h.size > 1) edges(h, node, EXCLUSIVE, where(ts, base, site), i);
        } catch (Throwable e) {
            Internal.error("tracking a wait's re-acquisition", e);
        } finally {
            ts.ignore--;
        }
    }

    /** Edges from every lock held except entry {@code self} (the lock being taken back) to {@code node}. */
    private static void edges(HeldLocks h, LockNode node, int mode, long where, int self) {
        // The entry of the lock taken back is set aside while the edges are made, so that none comes from it.
        h.given[self] = true;
        try {
            edges(h, node, mode, HeldLocks.LAZY, where);
        } finally {
            h.given[self] = false;
        }
    }

    /** Snapshot of the registry, ended threads dropped (the watchdog). */
    static List<HeldLocks> registered() {
        synchronized (REGISTRY) {
            int kept = 0;
            for (int i = 0; i < REGISTRY.size(); i++) {
                HeldLocks h = REGISTRY.get(i);
                if (h.ts.hasEnded() || h.ts.locks != h) continue;
                REGISTRY.set(kept++, h);
            }
            while (REGISTRY.size() > kept) REGISTRY.remove(REGISTRY.size() - 1);
            return new ArrayList<>(REGISTRY);
        }
    }
}
