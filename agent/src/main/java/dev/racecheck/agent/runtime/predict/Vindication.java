package dev.racecheck.agent.runtime.predict;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;

import dev.racecheck.agent.runtime.threads.Epoch;
import dev.racecheck.agent.runtime.threads.VectorClock;

/**
 * The witness check: is there a correct reordering of the observed trace after which two conflicting accesses e1
 * (epoch {@code c1} of thread {@code t1}) and e2 (now, epoch {@code c2} of {@code t2}) are both the next events of their
 * threads? Such a reordering is a race no schedule argument can dismiss: the program can reach it.
 *
 * <p>It computes the least set S of events that contains everything before e1 and e2 in their threads and is
 * closed under what every witness must respect, and fails as soon as S would have to contain e1 or e2:
 * <ol>
 *   <li>thread order: S holds a prefix of each thread (whole epochs, and for t1 and t2 the part of their epoch before
 *       the access: the operation that began it and, over-approximated, every entry of it);</li>
 *   <li>the predictive clock of every epoch in S ({@link PThread#p}, logged as {@link Log#HARD} snapshots and the
 *       {@link Log#CONFLICT} and {@link Log#READ_FROM} entries since): synchronization that carries data, reads-from
 *       of each read whose write no clock ordered, DC's rule (a);</li>
 *   <li>locks, sync-preserving: of the program's own critical sections on one lock whose acquire is in S, every one
 *       but the last (in the order the lock gave them) has its release in S;</li>
 *   <li>the horizon ({@link Horizon}): every event behind it is in S, and closed already.</li>
 * </ol>
 * If S closes without containing e1 or e2, the witness is S in the order of the trace, then e1 and e2:
 * <ul>
 *   <li>each thread runs a prefix of its own events (1);</li>
 *   <li>each read in S reads the same write as in the trace: its write precedes it in the trace, and is in S: by
 *       the clock when one ordered it (2), else by the READ_FROM entry the read logged (2); a read whose write racecheck
 *       could have seen out of order is uncertain, and S may not contain it ({@link PThread#uncertainFrom}); no other
 *       write to the variable lies between them in the trace, in S or not;</li>
 *   <li>no two critical sections on one lock overlap: those in S keep the trace's order, and all but the last are
 *       complete (3); hard ones (taken by JDK code, or on a lock the JDK shares) are ordered by the clock (2);</li>
 *   <li>synchronization that carries data is satisfied: what an acquire acquired from precedes it (2).</li>
 * </ul>
 * That is a sync-preserving correct reordering (Mathur, Pavlogiannis, Viswanathan, POPL 2021) in which e1 and e2 are
 * both enabled: a predictable race. Every step errs on the safe side: an entry it cannot find, a critical section
 * not yet released, a thread it does not know, or too much work, and it fails (the race is not reported).
 */
final class Vindication {
    /** The most log entries one check looks at: past it, it gives up. */
    static final int MAX_STEPS = 200_000;

    private final PThread t1;
    private final long c1;
    private final PThread t2;
    private final long c2;
    private final long[] horizon;
    private long[] included;
    private long[] processed;
    private boolean[] queued;
    private final List<PThread> work = new ArrayList<>();
    private final IdentityHashMap<PSync, CriticalSection> lastTaken = new IdentityHashMap<>();
    private final IdentityHashMap<CriticalSection, Boolean> seen = new IdentityHashMap<>();
    /**
     * The target thread whose enclosing critical sections go last ({@link #check}), or null; from epoch {@link #tail}
     * on its events are the tail.
     */
    private final PThread last;
    private final long tail;
    /** Locks of the tail's critical sections: every other section on them in S must be complete. */
    private final IdentityHashMap<PSync, Boolean> lastLocks = new IdentityHashMap<>();
    private final IdentityHashMap<PSync, List<CriticalSection>> takenOn = new IdentityHashMap<>();
    private int steps;
    private boolean failed;
    private boolean aroundTarget;
    /** Why it failed, for tests and verbose output. */
    String reason;

    private Vindication(PThread t1, long c1, PThread t2, long c2, PThread last, long tail) {
        this.t1 = t1;
        this.c1 = c1;
        this.t2 = t2;
        this.c2 = c2;
        this.last = last;
        this.tail = tail;
        this.horizon = Horizon.cut();
    }

    /**
     * The check, sync-preserving first. If that fails only because a critical section around e1 (or e2) would have to
     * end before it, tries the one reordering of critical sections it can check without a log of every access: that
     * section goes last on its lock. Then the witness is S without the tail (the target's events from that section's
     * acquire on) in the order of the trace, then the tail. Sound when nothing outside the tail depends on it (the
     * check keeps the target's thread before the tail) and the tail reads nothing (a read moved after writes of other
     * threads could see another write): the sections record their first read ({@link CriticalSection#firstRead}).
     * Every other section on the tail's locks must then be complete in S. PredictWriteInsideCS is this case: t1's
     * {@code synchronized (M) { x = 1; }} goes after t2's empty section on M.
     */
    static Vindication check(PThread t1, long c1, PThread t2, long c2) {
        Vindication v = new Vindication(t1, c1, t2, c2, null, 0);
        v.run();
        if (!v.failed || !v.aroundTarget) return v;
        for (int k = 0; k < 2; k++) {
            PThread p = k == 0 ? t1 : t2;
            long c = k == 0 ? c1 : c2;
            CriticalSection[] held = p.log.heldAt(c);
            if (held == null || held.length == 0) continue;
            CriticalSection outer = held[0];
            if (outer.firstRead() <= c) continue;
            Vindication w = new Vindication(t1, c1, t2, c2, p, outer.acquireEpoch);
            w.run();
            if (!w.failed) return w;
        }
        return v;
    }

    boolean failed() {
        return failed;
    }

    /** Where the target p's events may not be needed from: its epoch, or the tail's start. */
    private long limit(PThread p) {
        if (p == last) return tail;
        return p == t1 ? c1 : c2;
    }

    /** True when the witness exists. */
    private boolean run() {
        if (Horizon.broken()) return fail("the horizon is broken");
        if (t1 == t2) return fail("same thread");
        if (c1 <= horizon(t1.slot) || c2 <= horizon(t2.slot)) return fail("an access is behind the horizon");
        int n = Registry.ids();
        included = new long[n];
        processed = new long[n];
        queued = new boolean[n];
        // The horizon is in S, closed: only the critical sections open across it still count (3).
        PThread[] all = Registry.all();
        for (PThread p : all) {
            if (p.id >= n) continue;
            included[p.id] = horizon(p.slot);
            processed[p.id] = included[p.id];
        }
        for (PThread p : all) {
            if (p.id >= n) continue;
            long f = horizon(p.slot);
            if (f >= p.firstEpoch) {
                CriticalSection[] held = p.log.heldAt(f);
                if (held != null) {
                    for (CriticalSection cs : held) {
                        long r = cs.releaseEpoch();
                        if (r == 0 || r > f) taken(cs);
                    }
                }
            }
            if (failed) return false;
        }
        if (t1.id >= n || t2.id >= n) return fail("unknown thread");
        include(t1, c1);
        include(t2, c2);
        while (!failed && !work.isEmpty()) {
            PThread p = work.remove(work.size() - 1);
            queued[p.id] = false;
            process(p);
        }
        return !failed;
    }

    private long horizon(int slot) {
        return slot < horizon.length ? horizon[slot] : 0;
    }

    private boolean fail(String why) {
        if (!failed) {
            failed = true;
            reason = why;
        }
        return false;
    }

    /** S must hold thread p's events up to epoch {@code epoch} (whole, or for e1's and e2's epochs, up to them). */
    private void include(PThread p, long epoch) {
        if (p.id >= included.length) {
            fail("a thread newer than the check");
            return;
        }
        if (epoch > included[p.id]) {
            included[p.id] = epoch;
            long u = p.uncertainFrom();
            if (u >= p.firstEpoch && u <= epoch) {
                fail("an uncertain read");
                return;
            }
            if (!queued[p.id]) {
                queued[p.id] = true;
                work.add(p);
            }
        }
    }

    /** Some event of epoch {@code clock} of {@code slot}, whichever it is. */
    private void need(int slot, long clock) {
        if (clock <= horizon(slot)) return;
        PThread p = Registry.occupant(slot, clock);
        if (p == null) {
            fail("an epoch of an unknown thread");
            return;
        }
        if ((p == t1 || p == t2) && clock >= limit(p)) {
            fail("e1 or e2 must precede itself");
            return;
        }
        include(p, clock);
    }

    /** The release of {@code cs}: the last event of its epoch. */
    private void needRelease(CriticalSection cs) {
        long r = cs.releaseEpoch();
        if (r == 0) {
            fail("a critical section not released yet");
            return;
        }
        PThread p = cs.thread;
        if (r <= horizon(p.slot)) return;
        if ((p == t1 || p == t2) && r >= limit(p)) {
            aroundTarget = true;
            fail("a critical section around e1 or e2 must be released first");
            return;
        }
        include(p, r);
    }

    /** The acquire of {@code cs} is in S (3). */
    private void taken(CriticalSection cs) {
        if (seen.put(cs, Boolean.TRUE) != null) return;
        if (last != null) {
            List<CriticalSection> on = takenOn.computeIfAbsent(cs.lock, k -> new ArrayList<>());
            if (cs.thread == last && cs.acquireEpoch >= tail) {
                // A section of the tail: every other one on its lock comes before it, complete.
                if (lastLocks.put(cs.lock, Boolean.TRUE) == null) {
                    for (CriticalSection other : on) needRelease(other);
                }
                return;
            }
            on.add(cs);
            if (lastLocks.containsKey(cs.lock)) {
                needRelease(cs);
                return;
            }
        }
        CriticalSection last = lastTaken.get(cs.lock);
        if (last == null || cs.index > last.index) {
            lastTaken.put(cs.lock, cs);
            if (last != null) needRelease(last);
        } else {
            needRelease(cs);
        }
    }

    /** The log entries of p's epochs newly in S. */
    private void process(PThread p) {
        long from = processed[p.id];
        long to = included[p.id];
        if (to <= from) return;
        processed[p.id] = to;
        Log.Segment s = p.log.segment();
        int n = s.count;
        long firstKept = p.log.firstKeptEpoch();
        if (firstKept > 0 && from + 1 < firstKept) {
            fail("entries dropped behind a newer horizon");
            return;
        }
        int i = s.lastAtOrBefore(from, n) + 1;
        VectorClock clock = null;
        for (; i < n && s.epochs[i] <= to; i++) {
            if (++steps > MAX_STEPS) {
                fail("too much work");
                return;
            }
            switch (s.kinds[i]) {
                case Log.START, Log.HARD -> clock = (VectorClock) s.refs[i]; // the latest one holds the earlier ones
                case Log.ACQUIRE -> taken((CriticalSection) s.refs[i]);
                case Log.CONFLICT -> needRelease((CriticalSection) s.refs[i]);
                case Log.READ_FROM -> need(Epoch.slot(s.aux[i]), Epoch.clock(s.aux[i]));
                default -> {
                }
            }
            if (failed) return;
        }
        if (clock != null) {
            int width = clock.width();
            for (int slot = 0; slot < width && !failed; slot++) {
                long c = clock.get(slot);
                if (c != 0) need(slot, c);
            }
        }
    }
}
