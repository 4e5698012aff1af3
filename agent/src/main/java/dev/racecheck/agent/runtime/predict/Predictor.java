package dev.racecheck.agent.runtime.predict;

import java.util.ArrayList;
import java.util.List;

import dev.racecheck.agent.runtime.report.MonitorClasses;
import dev.racecheck.agent.runtime.report.Reporter;
import dev.racecheck.agent.runtime.shadow.Shadow;
import dev.racecheck.agent.runtime.shadow.SyncClock;
import dev.racecheck.agent.runtime.shadow.VarState;
import dev.racecheck.agent.runtime.threads.CallPaths;
import dev.racecheck.agent.runtime.threads.Epoch;
import dev.racecheck.agent.runtime.threads.ThreadState;
import dev.racecheck.reports.Frame;
import dev.racecheck.reports.LockInfo;
import dev.racecheck.reports.Prediction;

/**
 * The predictive half of predictive mode: the predictive clocks ({@link PThread}, {@link PSync}), the logs, the
 * candidates and their witness check ({@link Vindication}). Called by {@code analysis.PredictiveDetector} around the
 * happens-before detector; reads variable states ({@link VarState#w}, {@link VarState#r}) but never changes them.
 *
 * <p>Every synchronization operation starts a new epoch of its thread (see {@link PThread}): {@code newEpoch} before
 * an acquire is recorded, {@code ThreadState.accessed()} before a release is published (the happens-before half then
 * moves the epoch on), so that each operation begins or ends an epoch of its own.
 */
public final class Predictor {
    /** The key of an object's own clock (its lock, a modelled synchronizer's key), as opposed to a field's. */
    public static final int OBJECT = PSync.OBJECT;
    /** Checks of one pair of access sites that found no witness, after which the pair is no longer checked. */
    static final int MAX_FAILURES = 8;

    private Predictor() {
        // no instances
    }

    // ---- epochs -----------------------------------------------------------------------------------------------------

    /** A new epoch begins with the operation about to be recorded (an acquire). */
    private static long newEpoch(ThreadState t) {
        t.accessed(); // the next epoch's number is then one past this one's, even when this one had no access
        t.tick();
        return Epoch.clock(t.epoch);
    }

    /** The current epoch, which the release about to be published ends. */
    private static long endEpoch(ThreadState t) {
        t.accessed();
        return Epoch.clock(t.epoch);
    }

    private static void log(ThreadState t, PThread p, long epoch, byte kind, Object ref, long aux) {
        p.log.add(epoch, kind, ref, aux, p.own());
        Horizon.afterAppend(t, p);
    }

    // ---- accesses ---------------------------------------------------------------------------------------------------

    /**
     * Before the happens-before read: the last write, if happens-before orders it and the predictive clock does not, is
     * a candidate. Unless it is ordered by a conflict of critical sections (rule (a)), which this applies first.
     */
    public static Candidate read(ThreadState t, VarState v) {
        long e = t.epoch;
        long r = v.r;
        if (r == e) return null;
        if (r == Epoch.SHARED) {
            long[] rc = v.readClocks;
            if (rc != null && v.r == Epoch.SHARED && t.slot < rc.length && rc[t.slot] == Epoch.clock(e)) return null;
        }
        PThread p = Registry.of(t);
        p.readFrom = Epoch.NONE;
        if (RacyVariables.contains(v)) p.uncertain(Epoch.clock(e));
        long w = v.w;
        if (w == Epoch.NONE || Epoch.slot(w) == t.slot) return null;
        if (!t.clock.covers(w)) {
            // A race happens-before reports: which write this read saw is not known for sure.
            p.uncertain(Epoch.clock(e));
            return null;
        }
        if (p.covers(w) || ordersByConflict(t, p, w)) return null;
        p.readFrom = w;
        return new Candidate(w, true, null);
    }

    /** After the read and its check: its write, ordered by nothing else, is logged and now orders what follows. */
    public static void afterRead(ThreadState t, VarState v) {
        Object o = t.predictive;
        if (o == null) return;
        PThread p = (PThread) o;
        CriticalSection[] own = p.own();
        if (own.length > 0) own[0].read(Epoch.clock(t.epoch));
        long w = p.readFrom;
        if (w == Epoch.NONE) return;
        p.readFrom = Epoch.NONE;
        log(t, p, Epoch.clock(t.epoch), Log.READ_FROM, null, w);
        p.raise(Epoch.slot(w), Epoch.clock(w));
    }

    /** Before the happens-before write: the last write and the reads since, as for {@link #read}. */
    public static Candidate write(ThreadState t, VarState v) {
        long e = t.epoch;
        if (v.w == e) return null;
        PThread p = Registry.of(t);
        Candidate found = null;
        long w = v.w;
        if (w != Epoch.NONE && Epoch.slot(w) != t.slot) {
            if (!t.clock.covers(w)) {
                RacyVariables.add(v); // two racing writes: later reads cannot know which one they see
            } else if (!p.covers(w) && !ordersByConflict(t, p, w)) {
                found = new Candidate(w, true, null);
            }
        }
        long r = v.r;
        if (r == Epoch.SHARED) {
            long[] rc = v.readClocks;
            if (rc != null) {
                for (int u = 0; u < rc.length; u++) {
                    if (u != t.slot && rc[u] != 0) found = previousRead(t, p, Epoch.of(u, rc[u]), found);
                }
            }
        } else if (r != Epoch.NONE && Epoch.slot(r) != t.slot) {
            found = previousRead(t, p, r, found);
        }
        return found;
    }

    private static Candidate previousRead(ThreadState t, PThread p, long read, Candidate found) {
        if (!t.clock.covers(read)) {
            // A race happens-before reports: the reader may have seen this write rather than the one before.
            PThread reader = Registry.occupant(Epoch.slot(read), Epoch.clock(read));
            if (reader != null) reader.uncertain(Epoch.clock(read));
            return found;
        }
        if (p.covers(read) || ordersByConflict(t, p, read)) return found;
        return new Candidate(read, false, found);
    }

    /**
     * DC's rule (a): if the previous access was inside a critical section on a lock this thread holds now (an earlier
     * one: the lock is held here), that section's release precedes this access. Joins it and says whether the previous
     * access is now ordered.
     */
    private static boolean ordersByConflict(ThreadState t, PThread p, long previous) {
        CriticalSection[] mine = p.own();
        if (mine.length == 0) return false;
        PThread other = Registry.occupant(Epoch.slot(previous), Epoch.clock(previous));
        if (other == null || other == p) return false;
        CriticalSection[] theirs = other.log.heldAt(Epoch.clock(previous));
        if (theirs == null || theirs.length == 0) return false;
        boolean joined = false;
        for (CriticalSection cs : theirs) {
            long r = cs.releaseEpoch();
            if (r == 0) continue; // still held: a read lock held by both
            for (CriticalSection m : mine) {
                if (m.lock == cs.lock) {
                    p.join(cs.releaseClock());
                    p.raise(other.slot, r);
                    log(t, p, Epoch.clock(t.epoch), Log.CONFLICT, cs, 0);
                    joined = true;
                    break;
                }
            }
        }
        return joined && p.covers(previous);
    }

    /** The call path of the previous access {@code epoch}, read with it; -1 if the variable has moved on since. */
    public static int pathOf(VarState v, long epoch, boolean write) {
        synchronized (v) {
            if (write) return v.w == epoch ? v.wPath : -1;
            if (v.r == epoch) return v.rPath;
            long[] rc = v.readClocks;
            int slot = Epoch.slot(epoch);
            if (v.r == Epoch.SHARED && rc != null && slot < rc.length && rc[slot] == Epoch.clock(epoch)) {
                return v.readPaths[slot];
            }
            return -1;
        }
    }

    /** A StampedLock optimistic read, validated: a write nothing orders before it leaves its reads uncertain. */
    public static void optimisticRead(ThreadState t, long write, long since) {
        if (write == Epoch.NONE || Epoch.slot(write) == t.slot) {
            CriticalSection[] own = Registry.of(t).own();
            if (own.length > 0) own[0].read(since);
            return;
        }
        PThread p = Registry.of(t);
        if (!p.covers(write)) p.uncertain(since);
        CriticalSection[] own = p.own();
        if (own.length > 0) own[0].read(since);
    }

    /** A final-field freeze forgot the write {@code w} of v; if the predictive clock did not order it, reads are uncertain. */
    public static void frozen(ThreadState t, VarState v, long w) {
        if (w == Epoch.NONE || v.w != Epoch.NONE || Epoch.slot(w) == t.slot) return;
        if (!Registry.of(t).covers(w)) RacyVariables.add(v);
    }

    // ---- synchronization that carries data ------------------------------------------------------------------------

    public static void acquire(ThreadState t, Shadow s, int key) {
        PThread p = Registry.of(t);
        PSync ps = PSync.of(s);
        if (key == OBJECT) ps.hard(false, p); // an object acquired as a plain synchronizer is no lock to relax
        if (ps.acquire(key, p)) hard(t, p);
    }

    public static void release(ThreadState t, Shadow s, int key) {
        PThread p = Registry.of(t);
        PSync ps = PSync.of(s);
        if (key == OBJECT) ps.hard(false, p);
        ps.release(key, p, endEpoch(t));
    }

    /** A sync clock that is not an object's (a phase, a hand-off): hard, as any synchronization that carries data. */
    public static void acquire(ThreadState t, SyncClock c) {
        PThread p = Registry.of(t);
        if (PSync.of(c).acquire(OBJECT, p)) hard(t, p);
    }

    public static void release(ThreadState t, SyncClock c) {
        PThread p = Registry.of(t);
        PSync.of(c).release(OBJECT, p, endEpoch(t));
    }

    /** Predictive mode starts: sync clocks folded into one another carry their predictive clocks along. */
    public static void install() {
        SyncClock.FOLD = PSync::fold;
    }

    public static void acquireElement(ThreadState t, Shadow s, int index) {
        PThread p = Registry.of(t);
        if (PSync.of(s).acquireElement(index, p)) hard(t, p);
    }

    public static void releaseElement(ThreadState t, Shadow s, int index) {
        PThread p = Registry.of(t);
        PSync.of(s).releaseElement(index, p, endEpoch(t));
    }

    public static void classInitialized(ThreadState t, Shadow s) {
        PThread p = Registry.of(t);
        PSync.of(s).initialized(p, endEpoch(t));
    }

    public static void classUsed(ThreadState t, Shadow s) {
        PThread p = Registry.of(t);
        if (PSync.of(s).acquireInitialized(p)) hard(t, p);
    }

    /** t's predictive clock took something that carries data: a new epoch begins, and the log says what it took. */
    private static void hard(ThreadState t, PThread p) {
        long epoch = newEpoch(t);
        tookInside(p, epoch);
        log(t, p, epoch, Log.HARD, p.snapshot(), 0);
    }

    /**
     * Something that carries data was taken inside the thread's outermost own critical section (a volatile read, a
     * queue's take, a lock the JDK takes for itself): like a read, what it sees depends on where it runs, so the
     * witness check may not move that section after others ({@link CriticalSection#firstRead}).
     */
    private static void tookInside(PThread p, long epoch) {
        CriticalSection[] own = p.own();
        if (own.length > 0) own[0].read(epoch);
    }

    public static void fork(ThreadState parent, ThreadState child) {
        PThread p = Registry.of(parent);
        long epoch = endEpoch(parent);
        PThread c = Registry.register(child.slot, Epoch.clock(child.epoch));
        c.p.acquire(p.p);
        c.p.raise(parent.slot, epoch);
        child.predictive = c;
        c.log.add(c.firstEpoch, Log.START, c.snapshot(), 0, Log.NONE);
    }

    public static void join(ThreadState t, ThreadState child) {
        Object o = child.predictive;
        if (!(o instanceof PThread c)) return;
        PThread p = Registry.of(t);
        long last = c.ended ? c.lastEpoch : Epoch.clock(child.epoch);
        p.join(c.p);
        p.raise(child.slot, last);
        hard(t, p);
    }

    public static void ended(ThreadState t) {
        PThread p = Registry.of(t);
        long last = Epoch.clock(t.epoch);
        long[] cut = Horizon.pastOf(t);
        cut[t.slot] = last;
        p.lastEpoch = last;
        p.endCut = cut;
        p.ended = true;
    }

    // ---- locks ------------------------------------------------------------------------------------------------------

    /**
     * A critical section begins (or a held one is taken again). It is the program's own, to be relaxed, when
     * application code took it ({@code path} is set) on an object the JDK does not synchronize on itself.
     */
    public static void lock(ThreadState t, Shadow s, int mode, int path, Object owner) {
        PThread p = Registry.of(t);
        PSync ps = PSync.of(s);
        CriticalSection held = p.holding(ps);
        if (held != null) {
            held.holds++;
            return;
        }
        begin(t, p, ps, mode, path, owner, 1);
    }

    private static void begin(ThreadState t, PThread p, PSync ps, int mode, int path, Object owner, int holds) {
        boolean own = path != 0 && !(mode == 0 && owner != null && MonitorClasses.sharedWithJdk(owner.getClass()));
        boolean hard = ps.hard(own, p);
        ps.describe(owner, mode);
        if (hard) {
            ps.acquire(OBJECT, p);
            long epoch = newEpoch(t);
            tookInside(p, epoch);
            CriticalSection cs = new CriticalSection(ps, p, -1, epoch, path, mode, false);
            cs.holds = holds;
            p.begin(cs);
            log(t, p, epoch, Log.HARD, p.snapshot(), 0);
        } else {
            long epoch = newEpoch(t);
            CriticalSection cs = new CriticalSection(ps, p, ps.nextIndex(), epoch, path, mode, true);
            cs.holds = holds;
            p.begin(cs);
            log(t, p, epoch, Log.ACQUIRE, cs, 0);
        }
    }

    public static void unlock(ThreadState t, Shadow s, int path) {
        PThread p = Registry.of(t);
        PSync ps = PSync.of(s);
        CriticalSection cs = p.holding(ps);
        if (cs == null) {
            // Not a hold this thread is known to have (a stamped lock unlocked by another thread): a plain release.
            ps.hard(false, p);
            ps.release(OBJECT, p, endEpoch(t));
            return;
        }
        if (--cs.holds > 0) {
            endEpoch(t); // happens-before publishes this release and moves on: epochs stay one per operation
            return;
        }
        end(t, p, ps, cs, path);
    }

    /** The critical section ends: its release is the last event of the current epoch. */
    private static void end(ThreadState t, PThread p, PSync ps, CriticalSection cs, int path) {
        long epoch = endEpoch(t);
        cs.released(epoch, p.snapshot(), path);
        p.end(cs);
        if (cs.own) ps.ownReleased(cs);
        else ps.release(OBJECT, p, epoch);
        // Held sections change from the next epoch on (the happens-before half moves the epoch on right after).
        log(t, p, epoch + 1, Log.RELEASE, cs, 0);
    }

    public static void waitRelease(ThreadState t, Shadow s) {
        PThread p = Registry.of(t);
        PSync ps = PSync.of(s);
        CriticalSection cs = p.holding(ps);
        if (cs == null) {
            ps.hard(false, p);
            ps.release(OBJECT, p, endEpoch(t));
            return;
        }
        end(t, p, ps, cs, cs.acquirePath);
        p.waiting(ps, cs);
    }

    public static void waitAcquire(ThreadState t, Shadow s, int mode) {
        PThread p = Registry.of(t);
        PSync ps = PSync.of(s);
        CriticalSection before = p.waited(ps);
        if (before == null) {
            begin(t, p, ps, mode, 0, null, 1);
            return;
        }
        // The same kind of section as before the wait, as many holds (a spurious wake-up is allowed: no notify edge).
        begin(t, p, ps, before.mode, before.own ? before.acquirePath : 0, null, before.holds);
    }

    public static boolean holds(ThreadState t, Shadow s) {
        return Registry.of(t).holding(PSync.of(s)) != null;
    }

    // ---- checking a candidate -----------------------------------------------------------------------------------------

    private static final Object FAILURES_LOCK = new Object();
    private static final java.util.HashMap<Long, int[]> FAILURES = new java.util.HashMap<>();

    /** Whether the pair of sites is still worth a witness check: not reported already, not given up on. */
    public static boolean worthChecking(int site, int previousSite) {
        if (Horizon.broken() || Reporter.reported(site, previousSite)) return false;
        synchronized (FAILURES_LOCK) {
            int[] f = FAILURES.get(pair(site, previousSite));
            return f == null || f[0] < MAX_FAILURES;
        }
    }

    private static long pair(int a, int b) {
        return a < b ? ((long) a << 32) | b : ((long) b << 32) | a;
    }

    /**
     * The witness check for candidate {@code c} against the current access of t; on success, what the report says of
     * the lock that ordered the two accesses in this run. Null when no witness was found.
     */
    public static Prediction vindicate(ThreadState t, Candidate c, int site, int previousSite) {
        PThread p2 = Registry.of(t);
        PThread p1 = Registry.occupant(Epoch.slot(c.epoch), Epoch.clock(c.epoch));
        if (p1 == null) return null;
        Vindication v = Vindication.check(p1, Epoch.clock(c.epoch), p2, Epoch.clock(t.epoch));
        if (v.failed()) {
            synchronized (FAILURES_LOCK) {
                FAILURES.computeIfAbsent(pair(site, previousSite), k -> new int[1])[0]++;
            }
            dev.racecheck.agent.runtime.report.Internal.verbose("predicted race not confirmed: " + v.reason);
            return null;
        }
        return orderingLock(p1, Epoch.clock(c.epoch), p2, Epoch.clock(t.epoch));
    }

    /** For tests: the reason of the last check's outcome. */
    static String check(PThread p1, long c1, PThread p2, long c2) {
        Vindication v = Vindication.check(p1, c1, p2, c2);
        return v.failed() ? v.reason : null;
    }

    /**
     * The lock whose critical sections ordered e1 before e2 in this run: one that e1's thread released after e1 and
     * e2's thread acquired later, before e2. If the order went through other threads (a chain of locks), the first
     * lock e1's thread released and the last one e2's thread acquired.
     */
    static Prediction orderingLock(PThread p1, long c1, PThread p2, long c2) {
        List<CriticalSection> after = new ArrayList<>();
        CriticalSection[] around = p1.log.heldAt(c1);
        if (around != null) for (CriticalSection cs : around) after.add(cs);
        Log.Segment s1 = p1.log.segment();
        int n1 = s1.count;
        for (int i = s1.lastAtOrBefore(c1, n1) + 1; i < n1 && after.size() < 1000; i++) {
            if (s1.kinds[i] == Log.ACQUIRE) after.add((CriticalSection) s1.refs[i]);
        }
        List<CriticalSection> before = new ArrayList<>();
        CriticalSection[] inside = p2.log.heldAt(c2);
        if (inside != null) for (int i = inside.length - 1; i >= 0; i--) before.add(inside[i]);
        Log.Segment s2 = p2.log.segment();
        for (int i = s2.lastAtOrBefore(c2, s2.count); i >= 0 && before.size() < 1000; i--) {
            if (s2.kinds[i] == Log.ACQUIRE && !before.contains(s2.refs[i])) before.add((CriticalSection) s2.refs[i]);
        }
        CriticalSection released = null;
        for (CriticalSection b : before) {
            for (CriticalSection a : after) {
                long r = a.releaseEpoch();
                if (a.lock == b.lock && r != 0 && a.index < b.index && (released == null || a.index < released.index)) {
                    released = a;
                }
            }
            if (released != null) return prediction(released.lock, released, b);
        }
        CriticalSection firstReleased = null;
        for (CriticalSection a : after) {
            long r = a.releaseEpoch();
            if (r != 0 && (firstReleased == null || r < firstReleased.releaseEpoch())) firstReleased = a;
        }
        CriticalSection lastAcquired = before.isEmpty() ? null : before.get(0);
        if (lastAcquired == null && firstReleased == null) return null;
        PSync lock = lastAcquired != null ? lastAcquired.lock : firstReleased.lock;
        return prediction(lock, firstReleased, lastAcquired);
    }

    private static Prediction prediction(PSync lock, CriticalSection released, CriticalSection acquired) {
        LockInfo info = lock.info();
        if (info == null) info = new LockInfo(LockInfo.Kind.MONITOR, "?");
        List<Frame> releasedAt = released == null || released.releasePath() <= 0 ? List.of()
                : CallPaths.frames(released.releasePath());
        List<Frame> acquiredAt = acquired == null || acquired.acquirePath <= 0 ? List.of()
                : CallPaths.frames(acquired.acquirePath);
        return new Prediction(info, releasedAt, acquiredAt);
    }
}
