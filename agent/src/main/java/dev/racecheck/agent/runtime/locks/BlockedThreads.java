package dev.racecheck.agent.runtime.locks;

import java.lang.management.MonitorInfo;
import java.lang.management.ThreadInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.AbstractOwnableSynchronizer;
import java.util.concurrent.locks.LockSupport;

import dev.racecheck.agent.runtime.report.Sites;
import dev.racecheck.agent.runtime.threads.CallPaths;
import dev.racecheck.agent.runtime.threads.ThreadState;
import dev.racecheck.reports.Deadlock;
import dev.racecheck.reports.Frame;
import dev.racecheck.reports.LockInfo;

/**
 * Finds threads deadlocked right now, from racecheck's own state: every thread's held locks and the lock it is
 * blocked acquiring ({@link HeldLocks}). This covers virtual threads, which the JVM's own deadlock detection
 * ({@code ThreadMXBean.findDeadlockedThreads}) does not see: on JDK 21+ a virtual thread blocked on a
 * {@code ReentrantLock} is parked, one blocked on a monitor (JDK 24+) unmounted.
 *
 * <p>A thread counts as blocked on its recorded lock only if the JDK agrees: blocked on a monitor
 * ({@code Thread.State.BLOCKED}), or parked ({@code WAITING}, not timed) with that lock's sync as its blocker. A
 * cycle of such threads, each waiting for a lock the next one holds in a conflicting mode, is a deadlock candidate;
 * the caller confirms it by seeing the same cycle, on the same acquisitions, in its next scan. Nothing here takes a
 * lock of the program or runs its code: it reads thread states, park blockers and racecheck's own records.
 */
public final class BlockedThreads {
    private BlockedThreads() {
        // no instances
    }

    /** A thread blocked on a lock, with a copy of the locks it held when the scan looked. */
    private static final class Waiter {
        final HeldLocks h;
        final Thread thread;
        final Object key;
        final int how;
        final long seq;
        final LockNode[] nodes;
        final int[] modes;
        final int[] paths;
        final long[] wheres;
        final boolean[] given;
        final List<Waiter> holders = new ArrayList<>(1);

        Waiter(HeldLocks h, Thread thread, Object key, int how, long seq) {
            this.h = h;
            this.thread = thread;
            this.key = key;
            this.how = how;
            this.seq = seq;
            int n = h.size;
            nodes = Arrays.copyOf(h.nodes, n);
            modes = Arrays.copyOf(h.modes, n);
            paths = Arrays.copyOf(h.paths, n);
            wheres = Arrays.copyOf(h.wheres, n);
            given = Arrays.copyOf(h.given, n);
        }

        /** The index of the entry by which this thread holds {@code key} in a mode that blocks {@code mode}, or -1. */
        int holding(Object key, int mode) {
            for (int j = 0; j < nodes.length; j++) {
                LockNode n = nodes[j];
                if (n != null && !given[j] && n.get() == key && LockGraph.conflict(mode, modes[j])) return j;
            }
            return -1;
        }

        long serial() {
            return h.ts.record.serial;
        }
    }

    /** What one scan found. */
    public static final class Scan {
        /** Cycles of blocked threads, each waiting for a lock the next one holds. */
        public final List<Cycle> cycles;
        /**
         * Whether some platform thread that holds a lock racecheck saw it take is blocked on a monitor, or parked on a
         * lock's sync, without a wait racecheck recorded (a synchronized method, a monitor in code racecheck does not
         * instrument, an ownable synchronizer it does not model): the JVM's own detection should look.
         */
        public final boolean unexplained;

        Scan(List<Cycle> cycles, boolean unexplained) {
            this.cycles = cycles;
            this.unexplained = unexplained;
        }
    }

    /** A cycle of blocked threads: {@code order[i]} waits for a lock that {@code order[i + 1]} (cyclically) holds. */
    public static final class Cycle {
        /** The threads and the acquisitions they are blocked in: equal keys in two scans mean nobody moved. */
        public final String key;
        private final List<Waiter> order;

        Cycle(List<Waiter> order) {
            this.order = order;
            String[] parts = new String[order.size()];
            for (int i = 0; i < parts.length; i++) parts[i] = order.get(i).serial() + "/" + order.get(i).seq;
            Arrays.sort(parts);
            this.key = "own " + String.join(",", parts);
        }

        /** The test the first of the threads works for, or null. */
        public String testId() {
            return order.get(0).h.ts.testId;
        }

        /**
         * The report: per thread, the lock it waits for and where (its stack now), and the lock it holds that the
         * previous thread waits for, with where it took it.
         */
        public Deadlock report() {
            int n = order.size();
            List<Deadlock.Edge> edges = new ArrayList<>(n);
            List<dev.racecheck.reports.ThreadInfo> threads = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                Waiter w = order.get(i);
                Waiter previous = order.get((i + n - 1) % n);
                Waiter next = order.get((i + 1) % n);
                int held = w.holding(previous.key, previous.how & Locks.SHARED);
                int wanted = next.holding(w.key, w.how & Locks.SHARED);
                LockInfo acquired = wanted < 0 ? null : next.nodes[wanted].info(w.how & Locks.SHARED);
                if (acquired == null || held < 0) return null; // a thread moved while the report was made
                edges.add(new Deadlock.Edge(w.serial(), acquired, stack(w.thread), w.nodes[held].info(w.modes[held]),
                        heldFrames(w.thread, w.h.ts, w.paths[held], w.wheres[held])));
                threads.add(LockGraph.info(w.h.ts.record));
            }
            return new Deadlock(Deadlock.Kind.ACTUAL, edges, threads, 1);
        }
    }

    /** Looks at every thread that ever used a lock. */
    public static Scan scan() {
        List<Waiter> waiters = new ArrayList<>();
        boolean unexplained = false;
        for (HeldLocks h : Locks.registered()) {
            Thread t = h.ts.record.thread();
            if (t == null) continue;
            Object key = h.waitingFor();
            int how = h.waitingHow;
            long seq = h.waitSeq;
            Thread.State state = t.getState();
            try {
                if (key != null && (how & Locks.TIMED) == 0 && blockedOn(t, state, key, how)) {
                    waiters.add(new Waiter(h, t, key, how, seq));
                } else if (key == null && !unexplained && h.size > 0 && !isVirtual(t)
                        && (state == Thread.State.BLOCKED || state == Thread.State.WAITING
                            && LockSupport.getBlocker(t) instanceof AbstractOwnableSynchronizer)) {
                    unexplained = true;
                }
            } catch (RuntimeException e) {
                // the thread changed its records while they were copied: it is not blocked
            }
        }
        for (Waiter w : waiters) {
            for (Waiter o : waiters) {
                if (o.holding(w.key, w.how & Locks.SHARED) >= 0) w.holders.add(o);
            }
        }
        return new Scan(cycles(waiters), unexplained);
    }

    private static boolean blockedOn(Thread t, Thread.State state, Object key, int how) {
        if ((how & Locks.FAMILY) == Locks.MONITOR) return state == Thread.State.BLOCKED;
        return state == Thread.State.WAITING && LockSupport.getBlocker(t) == key;
    }

    /** Virtual threads (JDK 21+): {@code Thread.isVirtual()} is not in JDK 17's API. */
    static boolean isVirtual(Thread t) {
        return t.getClass().getName().contains("VirtualThread");
    }

    /** A named class, not a lambda: the runtime avoids invokedynamic (see {@code CallPaths}). */
    private static final java.util.Comparator<Waiter> BY_SERIAL = new java.util.Comparator<Waiter>() {
        @Override
        public int compare(Waiter a, Waiter b) {
            return Long.compare(a.serial(), b.serial());
        }
    };

    /** The cycles of the waits-for graph, each once, found from the threads in serial order. */
    private static List<Cycle> cycles(List<Waiter> waiters) {
        List<Cycle> out = new ArrayList<>();
        waiters.sort(BY_SERIAL);
        java.util.Set<Waiter> done = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Waiter start : waiters) {
            if (done.contains(start)) continue;
            List<Waiter> path = new ArrayList<>();
            Waiter w = start;
            // Follows the first holder of each lock waited for; a lock held by several readers is waited for on all,
            // so any of them closing a cycle is a deadlock: the first one suffices to find one.
            while (w != null && !path.contains(w) && !done.contains(w)) {
                path.add(w);
                w = w.holders.isEmpty() ? null : w.holders.get(0);
            }
            if (w != null && path.contains(w)) out.add(new Cycle(new ArrayList<>(path.subList(path.indexOf(w), path.size()))));
            done.addAll(path);
        }
        return out;
    }

    /** A thread's stack now, without racecheck's frames on top. */
    static List<Frame> stack(Thread t) {
        return frames(t.getStackTrace(), 0);
    }

    /**
     * Where a blocked thread took a lock it holds: its call path's stack; for a monitor whose path the thread has not
     * worked out ({@link HeldLocks#LAZY}), the thread's stack now from the frame that took it (which still holds it),
     * at the line where it did, or failing that the frames racecheck knows, from their call sites.
     */
    static List<Frame> heldFrames(Thread t, ThreadState ts, int path, long where) {
        if (path != HeldLocks.LAZY) return LockGraph.frames(path);
        int base = HeldLocks.base(where);
        int site = HeldLocks.site(where);
        if (site <= 0) return List.of();
        int[] sites = ts.sites; // the thread is blocked: its shadow stack stays as it is
        StackTraceElement[] trace = t == null ? new StackTraceElement[0] : t.getStackTrace();
        // From the outermost frame in: frames 0..base-1 at their call sites, then frame base, at another line now.
        int k = 0;
        for (int i = trace.length - 1; i >= 0 && base <= sites.length; i--) {
            StackTraceElement e = trace[i];
            int at = k < base ? sites[k] & ~CallPaths.MARK : site;
            if (!e.getClassName().equals(Sites.className(at)) || !e.getMethodName().equals(Sites.method(at))
                    || k < base && e.getLineNumber() != Sites.line(at)) {
                continue;
            }
            if (k++ < base) continue;
            List<Frame> out = new ArrayList<>(trace.length - i);
            out.add(new Frame(e.getClassName(), e.getMethodName(), e.getFileName(), Sites.line(site), e.getModuleName()));
            out.addAll(frames(trace, i + 1));
            return out;
        }
        List<Frame> out = new ArrayList<>(base + 1);
        out.add(siteFrame(site));
        for (int j = Math.min(base, sites.length) - 1; j >= 0; j--) out.add(siteFrame(sites[j] & ~CallPaths.MARK));
        return out;
    }

    private static Frame siteFrame(int site) {
        return new Frame(Sites.className(site), Sites.method(site), Sites.file(site), Sites.line(site));
    }

    private static List<Frame> frames(StackTraceElement[] trace, int from) {
        List<Frame> out = new ArrayList<>(trace.length);
        int i = from;
        while (i < trace.length && trace[i].getClassName().startsWith("dev.racecheck.agent.")) i++;
        for (; i < trace.length; i++) {
            StackTraceElement e = trace[i];
            // A lambda's hidden frame (StackWalker, which the other stacks come from, leaves them out too).
            if (e.getClassName().contains("$$Lambda")) continue;
            out.add(new Frame(e.getClassName(), e.getMethodName(), e.getFileName(), e.getLineNumber(), e.getModuleName()));
        }
        return out;
    }

    // ---- the JVM's own detection, for platform threads -----------------------------------------------------------

    /**
     * The report of a cycle the JVM found ({@code ThreadMXBean.findDeadlockedThreads}), {@code cycle[i]} waiting for a
     * lock {@code cycle[i + 1]} owns. Locks and where they were taken come from racecheck's records when it has them,
     * else from the JVM's (a monitor's frame).
     */
    public static Deadlock report(ThreadInfo[] cycle) {
        Map<Long, HeldLocks> byThread = new HashMap<>();
        for (HeldLocks h : Locks.registered()) {
            Thread t = h.ts.record.thread();
            if (t != null) byThread.put(t.getId(), h);
        }
        int n = cycle.length;
        List<Deadlock.Edge> edges = new ArrayList<>(n);
        List<dev.racecheck.reports.ThreadInfo> threads = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ThreadInfo w = cycle[i];
            ThreadInfo previous = cycle[(i + n - 1) % n];
            ThreadInfo next = cycle[(i + 1) % n];
            HeldLocks mine = byThread.get(w.getThreadId());
            HeldLocks nexts = byThread.get(next.getThreadId());
            int wantedMode = mine != null && mine.waitingFor() != null ? mine.waitingHow & Locks.SHARED : -1;
            LockInfo acquired = lock(w.getLockInfo(), nexts, next, wantedMode);
            int j = entry(mine, previous.getLockInfo(), -1);
            LockInfo held = j >= 0 ? mine.nodes[j].info(mine.modes[j]) : lock(previous.getLockInfo(), null, w, -1);
            List<Frame> heldAt = j >= 0 ? heldFrames(mine.ts.record.thread(), mine.ts, mine.paths[j], mine.wheres[j])
                    : monitorFrames(w, previous.getLockInfo());
            long serial = mine == null ? 0 : mine.ts.record.serial;
            edges.add(new Deadlock.Edge(serial, acquired, frames(w.getStackTrace(), 0), held, heldAt));
            threads.add(mine == null
                    ? new dev.racecheck.reports.ThreadInfo(0, w.getThreadName(), true, List.of())
                    : LockGraph.info(mine.ts.record));
        }
        return new Deadlock(Deadlock.Kind.ACTUAL, edges, threads, 1);
    }

    /** The entry by which {@code h} holds the JVM's {@code lock}, matched by class and identity hash, or -1. */
    private static int entry(HeldLocks h, java.lang.management.LockInfo lock, int mode) {
        if (h == null || lock == null) return -1;
        for (int j = 0; j < h.size; j++) {
            LockNode node = h.nodes[j];
            Object key = node == null ? null : node.get();
            if (key != null && System.identityHashCode(key) == lock.getIdentityHashCode()
                    && key.getClass().getName().equals(lock.getClassName())
                    && (mode < 0 || LockGraph.conflict(mode, h.modes[j]))) {
                return j;
            }
        }
        return -1;
    }

    /** A lock as reports name it: from the holder's records, else a monitor or a lock as the JVM describes it. */
    private static LockInfo lock(java.lang.management.LockInfo lock, HeldLocks holder, ThreadInfo holderInfo,
                                 int mode) {
        int j = entry(holder, lock, mode);
        if (j >= 0) return holder.nodes[j].info(mode >= 0 ? mode : holder.modes[j]);
        String instance = lock.getClassName() + "@" + Integer.toHexString(lock.getIdentityHashCode());
        for (MonitorInfo m : holderInfo.getLockedMonitors()) {
            if (m.getIdentityHashCode() == lock.getIdentityHashCode()) return new LockInfo(LockInfo.Kind.MONITOR, instance);
        }
        return new LockInfo(LockInfo.Kind.LOCK, instance);
    }

    /** Where {@code t} took the monitor {@code lock}, from the JVM: its stack from the frame that locked it. */
    private static List<Frame> monitorFrames(ThreadInfo t, java.lang.management.LockInfo lock) {
        if (lock == null) return List.of();
        for (MonitorInfo m : t.getLockedMonitors()) {
            if (m.getIdentityHashCode() == lock.getIdentityHashCode() && m.getLockedStackDepth() >= 0) {
                return frames(t.getStackTrace(), m.getLockedStackDepth());
            }
        }
        return List.of();
    }
}
