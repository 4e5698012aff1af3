package dev.racecheck.agent.runtime.analysis;

import dev.racecheck.agent.runtime.shadow.ElementStates;
import dev.racecheck.agent.runtime.shadow.Shadow;
import dev.racecheck.agent.runtime.shadow.SyncClock;
import dev.racecheck.agent.runtime.shadow.VarState;
import dev.racecheck.agent.runtime.threads.CallPaths;
import dev.racecheck.agent.runtime.threads.Epoch;
import dev.racecheck.agent.runtime.threads.SlotLease;
import dev.racecheck.agent.runtime.threads.ThreadState;
import dev.racecheck.agent.runtime.threads.VectorClock;

/**
 * FastTrack (Flanagan and Freund, PLDI 2009) with FT2's read-shared same-epoch shortcut.
 *
 * <p>Rules, for thread t with clock C and epoch E = e@t, on variable x with write epoch W and read state R (C[t] is
 * t's last epoch with an access, so it is raised to e as an access is recorded; see {@link ThreadState#tick}):
 * <pre>
 *   read:  R == E                      -> nothing (same epoch; checked inline by RaceEvents)
 *          W not covered by C          -> write-read race
 *          R shared                    -> R[t] := C[t]
 *          R none or covered by C      -> R := E                       (exclusive)
 *          otherwise                   -> R := {R, E} as a vector      (share)
 *   write: W == E                      -> nothing (same epoch)
 *          W not covered by C          -> write-write race
 *          R shared: each R[u] > C[u]  -> read-write race; R := none
 *          R not covered by C          -> read-write race
 *          W := E
 * </pre>
 * Variable state changes happen under the VarState's private monitor, so concurrent accesses on several
 * cores never lose an update; races found are reported after the monitor is left.
 */
final class FastTrack implements Detector {

    @Override
    public void read(ThreadState t, VarState v, int site, int base, Object target, int kind) {
        long e = t.epoch;
        if (v.r == Epoch.SHARED) {
            // FT2's read-shared same-epoch: readClocks is read before r, both volatile; see VarState.
            long[] rc = v.readClocks;
            if (rc != null && v.r == Epoch.SHARED && t.slot < rc.length && rc[t.slot] == Epoch.clock(e)) return;
        }
        int path = leaf(t, base, site);
        t.accessed();
        VectorClock c = t.clock;
        long racyWrite = Epoch.NONE;
        int racyPath = 0;
        synchronized (v) {
            long r = v.r;
            if (r == e) return;
            long w = v.w;
            if (w != Epoch.NONE && !covers(t, c, w)) {
                racyWrite = w;
                racyPath = v.wPath;
            }
            if (r == Epoch.SHARED) {
                recordSharedRead(v, t, Epoch.clock(e), path);
            } else if (r == Epoch.NONE || covers(t, c, r)) {
                v.rPath = path;
                if (v.rLease != t.lease) v.rLease = t.lease; // see write
                v.r = e;
            } else {
                long[] clocks = new long[Math.max(t.slot, Epoch.slot(r)) + 1];
                int[] paths = new int[clocks.length];
                SlotLease[] leases = new SlotLease[clocks.length];
                clocks[Epoch.slot(r)] = Epoch.clock(r);
                paths[Epoch.slot(r)] = v.rPath;
                leases[Epoch.slot(r)] = (SlotLease) v.rLease;
                clocks[t.slot] = Epoch.clock(e);
                paths[t.slot] = path;
                leases[t.slot] = t.lease;
                v.readPaths = paths;
                v.rLease = leases;
                v.readClocks = clocks;
                v.r = Epoch.SHARED;
            }
        }
        if (racyWrite != Epoch.NONE) {
            Races.report(t, site, false, target, kind, v.key, racyWrite, true, racyPath);
        }
    }

    private static void recordSharedRead(VarState v, ThreadState t, long clock, int path) {
        int slot = t.slot;
        long[] clocks = v.readClocks;
        int[] paths = v.readPaths;
        SlotLease[] leases = (SlotLease[]) v.rLease;
        if (slot >= clocks.length) {
            int n = Math.max(slot + 1, clocks.length * 2);
            clocks = java.util.Arrays.copyOf(clocks, n);
            paths = java.util.Arrays.copyOf(paths, n);
            leases = java.util.Arrays.copyOf(leases, n);
            v.readPaths = paths;
            v.rLease = leases;
            v.readClocks = clocks;
        }
        paths[slot] = path;
        if (leases[slot] != t.lease) leases[slot] = t.lease; // see write
        clocks[slot] = clock;
    }

    @Override
    public void write(ThreadState t, VarState v, int site, int base, Object target, int kind) {
        long e = t.epoch;
        int path = leaf(t, base, site);
        t.accessed();
        VectorClock c = t.clock;
        // At most one write-write race and the read-write races of this write; usually none.
        long racyWrite = Epoch.NONE;
        int racyWritePath = 0;
        long[] racyReads = null;
        int[] racyReadPaths = null;
        int racyReadCount = 0;
        synchronized (v) {
            long w = v.w;
            if (w == e) return;
            if (w != Epoch.NONE && !covers(t, c, w)) {
                racyWrite = w;
                racyWritePath = v.wPath;
            }
            long r = v.r;
            if (r == Epoch.SHARED) {
                long[] clocks = v.readClocks;
                int[] paths = v.readPaths;
                for (int u = 0; u < clocks.length; u++) {
                    if (u != t.slot && clocks[u] > c.get(u)) {
                        if (racyReads == null) {
                            racyReads = new long[clocks.length];
                            racyReadPaths = new int[clocks.length];
                        }
                        racyReads[racyReadCount] = Epoch.of(u, clocks[u]);
                        racyReadPaths[racyReadCount++] = paths[u];
                    }
                }
                v.r = Epoch.NONE;
                v.rLease = null;
                v.readClocks = null;
                v.readPaths = null;
            } else if (r != Epoch.NONE && !covers(t, c, r)) {
                racyReads = new long[] {r};
                racyReadPaths = new int[] {v.rPath};
                racyReadCount = 1;
            }
            v.wPath = path;
            // Usually the lease is already there (the same thread, a later epoch: SOR's and LUFact's sweeps). Storing
            // it anyway cost a GC write barrier per slow-path access (G1: a fence and a card enqueue when the state is
            // in another region than the lease), and SOR ran 1.6x slower for it.
            if (v.wLease != t.lease) v.wLease = t.lease;
            v.w = e;
        }
        if (racyWrite != Epoch.NONE) {
            Races.report(t, site, true, target, kind, v.key, racyWrite, true, racyWritePath);
        }
        for (int i = 0; i < racyReadCount; i++) {
            Races.report(t, site, true, target, kind, v.key, racyReads[i], false, racyReadPaths[i]);
        }
    }

    // ---- array elements: the same rules on packed states (see ElementStates) -------------------------------------

    @Override
    public int readElement(ThreadState t, ElementStates.Page p, int index, int site, int base, int path,
                           Object array) {
        long e = t.epoch;
        long[] cells = p.cells;
        int k = ElementStates.cell(index);
        int j = index & ElementStates.MASK;
        if (cells[k + 1] == Epoch.SHARED) {
            // FT2's read-shared same-epoch, without the element's lock; see ElementStates.ReadShared.
            ElementStates.ReadShared rs = p.shared(j);
            long[] rc = rs == null ? null : rs.clocks;
            if (rc != null && cells[k + 1] == Epoch.SHARED && t.slot < rc.length && rc[t.slot] == Epoch.clock(e)) {
                return path;
            }
        }
        if (path == 0) path = leaf(t, base, site);
        t.accessed();
        VectorClock c = t.clock;
        long racyWrite = Epoch.NONE;
        int racyPath = 0;
        long w = ElementStates.lock(cells, k);
        try {
            long r = cells[k + 1];
            if (r == e) return path;
            if (w != Epoch.NONE && !covers(t, c, w)) {
                racyWrite = w;
                racyPath = ElementStates.wPath(cells[k + 2]);
            }
            if (r == Epoch.SHARED) {
                ElementStates.ReadShared rs = p.shared(j);
                long[] clocks = rs.clocks;
                int slot = t.slot;
                if (slot >= clocks.length) {
                    int n = Math.max(slot + 1, clocks.length * 2);
                    rs.paths = java.util.Arrays.copyOf(rs.paths, n);
                    rs.leases = java.util.Arrays.copyOf(rs.leases, n);
                    clocks = java.util.Arrays.copyOf(clocks, n);
                }
                rs.paths[slot] = path;
                if (rs.leases[slot] != t.lease) rs.leases[slot] = t.lease;
                clocks[slot] = Epoch.clock(e);
                if (rs.clocks != clocks) rs.clocks = clocks;
            } else if (r == Epoch.NONE || covers(t, c, r)) {
                cells[k + 2] = ElementStates.paths(ElementStates.wPath(cells[k + 2]), path);
                if (p.leases[2 * j + 1] != t.lease) p.leases[2 * j + 1] = t.lease; // see write
                cells[k + 1] = e;
            } else {
                int other = Epoch.slot(r);
                int n = Math.max(t.slot, other) + 1;
                long[] clocks = new long[n];
                int[] paths = new int[n];
                SlotLease[] leases = new SlotLease[n];
                clocks[other] = Epoch.clock(r);
                paths[other] = ElementStates.rPath(cells[k + 2]);
                leases[other] = p.leases[2 * j + 1];
                clocks[t.slot] = Epoch.clock(e);
                paths[t.slot] = path;
                leases[t.slot] = t.lease;
                p.setShared(j, new ElementStates.ReadShared(clocks, paths, leases));
                p.leases[2 * j + 1] = null;
                cells[k + 1] = Epoch.SHARED;
            }
        } finally {
            ElementStates.unlock(cells, k, w);
        }
        if (racyWrite != Epoch.NONE) {
            Races.report(t, site, false, array, ELEMENT, index, racyWrite, true, racyPath);
        }
        return path;
    }

    @Override
    public int writeElement(ThreadState t, ElementStates.Page p, int index, int site, int base, int path,
                            Object array) {
        long e = t.epoch;
        long[] cells = p.cells;
        int k = ElementStates.cell(index);
        int j = index & ElementStates.MASK;
        if (path == 0) path = leaf(t, base, site);
        t.accessed();
        VectorClock c = t.clock;
        long racyWrite = Epoch.NONE;
        int racyWritePath = 0;
        long[] racyReads = null;
        int[] racyReadPaths = null;
        int racyReadCount = 0;
        long w = ElementStates.lock(cells, k);
        long after = w;
        try {
            if (w == e) return path;
            long paths = cells[k + 2];
            if (w != Epoch.NONE && !covers(t, c, w)) {
                racyWrite = w;
                racyWritePath = ElementStates.wPath(paths);
            }
            long r = cells[k + 1];
            if (r == Epoch.SHARED) {
                ElementStates.ReadShared rs = p.shared(j);
                long[] clocks = rs.clocks;
                for (int u = 0; u < clocks.length; u++) {
                    if (u != t.slot && clocks[u] > c.get(u)) {
                        if (racyReads == null) {
                            racyReads = new long[clocks.length];
                            racyReadPaths = new int[clocks.length];
                        }
                        racyReads[racyReadCount] = Epoch.of(u, clocks[u]);
                        racyReadPaths[racyReadCount++] = rs.paths[u];
                    }
                }
                p.setShared(j, null);
                cells[k + 1] = Epoch.NONE;
            } else if (r != Epoch.NONE && !covers(t, c, r)) {
                racyReads = new long[] {r};
                racyReadPaths = new int[] {ElementStates.rPath(paths)};
                racyReadCount = 1;
            }
            cells[k + 2] = ElementStates.paths(path, ElementStates.rPath(paths));
            if (p.leases[2 * j] != t.lease) p.leases[2 * j] = t.lease; // see write
            after = e;
        } finally {
            ElementStates.unlock(cells, k, after);
        }
        if (racyWrite != Epoch.NONE) {
            Races.report(t, site, true, array, ELEMENT, index, racyWrite, true, racyWritePath);
        }
        for (int i = 0; i < racyReadCount; i++) {
            Races.report(t, site, true, array, ELEMENT, index, racyReads[i], false, racyReadPaths[i]);
        }
        return path;
    }

    @Override
    public long[] lastWrite(ElementStates.Page p, int index) {
        long[] cells = p.cells;
        int k = ElementStates.cell(index);
        long w = ElementStates.lock(cells, k);
        long paths = cells[k + 2];
        ElementStates.unlock(cells, k, w);
        return w == Epoch.NONE ? null : new long[] {w, ElementStates.wPath(paths)};
    }

    @Override
    public void freeze(ThreadState t, ElementStates es) {
        VectorClock clock = t.clock;
        for (int i = 0; i < es.pageCount(); i++) {
            ElementStates.Page p = es.pageAt(i);
            if (p == null) continue;
            long[] cells = p.cells;
            for (int j = 0; j < ElementStates.PAGE; j++) {
                int k = 3 * j;
                if (cells[k] == Epoch.NONE) continue; // never written, or being written now: not before the freeze
                long w = ElementStates.lock(cells, k);
                long after = w;
                if (w != Epoch.NONE && clock.covers(w)) {
                    p.leases[2 * j] = null;
                    after = Epoch.NONE;
                }
                ElementStates.unlock(cells, k, after);
            }
        }
    }

    @Override
    public long[] lastWrite(VarState v) {
        synchronized (v) {
            return v.w == Epoch.NONE ? null : new long[] {v.w, v.wPath};
        }
    }

    @Override
    public void checkRead(ThreadState t, int key, long[] write, int site, int path, Object target, int kind,
                          long since) {
        if (write != null && !t.clock.covers(write[0])) {
            Races.report(t, site, false, target, kind, key, write[0], true, (int) write[1], path);
        }
    }

    /**
     * Whether the access at {@code epoch} (not NONE or SHARED) happens-before t's current one, c being t's clock. An
     * epoch of t's own slot always does (t raised its own entry to its current epoch before it got here, and a slot
     * goes to a new thread only after its earlier epochs are gone or covered): the usual case of a sweep, decided
     * without the clock's table.
     */
    private static boolean covers(ThreadState t, VectorClock c, long epoch) {
        return Epoch.slot(epoch) == t.slot || c.covers(epoch);
    }

    /** The call path of this access; may capture a stack, so racecheck ignores the JDK code that runs. */
    static int leaf(ThreadState t, int base, int site) {
        t.ignore++;
        try {
            return CallPaths.leaf(t, base, site);
        } finally {
            t.ignore--;
        }
    }

    @Override
    public void acquire(ThreadState t, Shadow s) {
        s.acquireInto(t.clock);
    }

    @Override
    public void release(ThreadState t, Shadow s) {
        s.releaseFrom(t.clock);
        t.tick();
    }

    @Override
    public void acquire(ThreadState t, SyncClock c) {
        c.acquireInto(t);
    }

    @Override
    public void release(ThreadState t, SyncClock c) {
        c.releaseFrom(t.clock);
        t.tick();
    }

    @Override
    public void acquireField(ThreadState t, Shadow s, int key) {
        s.acquireField(key, t);
    }

    @Override
    public void releaseField(ThreadState t, Shadow s, int key) {
        s.releaseField(key, t.clock);
        t.tick();
    }

    @Override
    public void acquireElement(ThreadState t, Shadow s, int index) {
        s.acquireElement(index, t);
    }

    @Override
    public void releaseElement(ThreadState t, Shadow s, int index, int length) {
        s.releaseElement(index, length, t.clock);
        t.tick();
    }

    @Override
    public void lock(ThreadState t, Shadow s, int mode, int path, Object owner) {
        s.acquireInto(t.clock);
        // Read unlocks release into the read clock: a write lock waits for them. A monitor has none.
        if (mode == WRITE_LOCK) s.acquireField(READ_CLOCK, t);
    }

    @Override
    public void unlock(ThreadState t, Shadow s, int mode, int path) {
        if (mode == READ_LOCK) releaseField(t, s, READ_CLOCK);
        else release(t, s);
    }

    @Override
    public void waitRelease(ThreadState t, Shadow s, int mode) {
        unlock(t, s, mode, NO_PATH);
    }

    @Override
    public void waitAcquire(ThreadState t, Shadow s, int mode) {
        lock(t, s, mode, NO_PATH, null);
    }

    @Override
    public void classInitialized(ThreadState t, Shadow s) {
        s.markInitialized(t.clock);
        t.tick();
    }

    @Override
    public boolean classUse(ThreadState t, Shadow s) {
        return s.acquireInitialized(t.clock);
    }

    @Override
    public void freeze(ThreadState t, VarState v) {
        v.forgetWriteBefore(t.clock);
    }

    @Override
    public void fork(ThreadState parent, ThreadState child) {
        // The child was created with a copy of the parent's clock; the parent moves on to a new epoch.
        parent.tick();
    }

    @Override
    public void join(ThreadState t, ThreadState child) {
        t.clock.acquire(child.clock);
    }
}
