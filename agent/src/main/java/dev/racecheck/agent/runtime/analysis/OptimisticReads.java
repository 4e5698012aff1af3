package dev.racecheck.agent.runtime.analysis;

import java.lang.ref.WeakReference;
import java.util.Arrays;

import dev.racecheck.agent.runtime.shadow.ElementStates;
import dev.racecheck.agent.runtime.shadow.VarState;
import dev.racecheck.agent.runtime.threads.ThreadState;

/**
 * A StampedLock optimistic read in progress on one thread. Between {@code tryOptimisticRead()} and
 * {@code validate(stamp)} the thread's reads are not recorded: the JDK documents them as possibly racy
 * and to be thrown away unless validate succeeds. They are kept here instead (the first {@link #MAX} distinct ones).
 * When validate succeeds they are ordered after the last write unlock, and each is checked against the write its
 * variable had when it was read (a write made outside the write lock still races with them; a write made after
 * validate, under the write lock, does not); recorded, they would race with every
 * later write under the write lock, as no unlock orders an optimistic reader before the next writer. When validate
 * fails they are dropped (a zero stamp, returned while the write lock is held, never validates).
 *
 * <p>The mode never nests and never outlives its use: it ends at validate, at any other lock or unlock call on the
 * same lock, at the next tryOptimisticRead, and at the first read made by a frame below the one that began it (that
 * method has returned). Only the owning thread touches this object.
 *
 * <p>A thread may never validate and then idle forever, so nothing here holds a program object strongly: the lock
 * is held by its shadow-map entry (a weak reference), each read's target (the object, array or class read) by a
 * weak reference, and its variable by its key only (a field's state may live in its object, and would keep it
 * alive). A window whose lock the GC has collected can never be validated: it ends at its next read; a read whose
 * target is gone is not checked.
 */
public final class OptimisticReads {
    static final int MAX = 64;

    /** The StampedLock read optimistically, held weakly; null when no optimistic read is in progress. */
    private WeakReference<Object> lock;
    /** The frame index of the method that called tryOptimisticRead. */
    private int base;
    private int count;
    private final int[] keys = new int[MAX];
    @SuppressWarnings("unchecked")
    private final WeakReference<Object>[] targets = new WeakReference[MAX];
    private final int[] sites = new int[MAX];
    private final int[] paths = new int[MAX];
    private final int[] kinds = new int[MAX];
    private final long[][] writes = new long[MAX][];

    /** The epoch of the thread when the optimistic read began: its reads are in it or later. */
    private long since;

    /**
     * An optimistic read of {@code lock} (its weak reference: the lock's shadow-map entry) begins, in epoch
     * {@code epoch} of the thread.
     */
    public void begin(WeakReference<Object> lock, int base, long epoch) {
        clear();
        this.lock = lock;
        this.base = base;
        this.since = epoch;
    }

    /** Whether an optimistic read is in progress. */
    public boolean active() {
        return lock != null;
    }

    /** Whether an optimistic read of {@code stampedLock} is in progress. */
    public boolean isOf(Object stampedLock) {
        WeakReference<Object> l = lock;
        return l != null && stampedLock != null && l.refersTo(stampedLock);
    }

    public void clear() {
        Arrays.fill(targets, 0, count, null);
        Arrays.fill(writes, 0, count, null);
        count = 0;
        lock = null;
    }

    /**
     * A read on the slow path while {@link #active}: true when it is kept for validate (not to be recorded), false
     * when the mode has ended (the read was made by a caller of the method that began it, or the lock is gone).
     */
    public boolean defer(ThreadState ts, Detector detector, VarState v, int site, int readBase, Object target, int kind) {
        return defer(ts, detector, v, null, v.key, site, readBase, target, kind);
    }

    /** {@link #defer} of a read of element {@code index} of an array whose state is in page {@code p}. */
    public boolean deferElement(ThreadState ts, Detector detector, ElementStates.Page p, int index, int site,
                                int readBase, Object array) {
        return defer(ts, detector, null, p, index, site, readBase, array, Detector.ELEMENT);
    }

    private boolean defer(ThreadState ts, Detector detector, VarState v, ElementStates.Page p, int key, int site,
                          int readBase, Object target, int kind) {
        if (readBase < base || lock.refersTo(null)) {
            clear();
            return false;
        }
        for (int i = 0; i < count; i++) {
            if (keys[i] == key && sites[i] == site && targets[i].refersTo(target)) return true;
        }
        if (count < MAX) {
            keys[count] = key;
            targets[count] = new WeakReference<>(target);
            sites[count] = site;
            kinds[count] = kind;
            paths[count] = FastTrack.leaf(ts, readBase, site);
            writes[count] = v != null ? detector.lastWrite(v) : detector.lastWrite(p, key);
            count++;
        }
        return true;
    }

    /** validate(stamp) returned true, and the thread has acquired the lock's write clock: check the reads kept. */
    public void validated(ThreadState ts, Detector detector) {
        int n = count;
        Object[] t = new Object[n];
        for (int i = 0; i < n; i++) t[i] = targets[i].get();
        int[] k = Arrays.copyOf(keys, n);
        int[] s = Arrays.copyOf(sites, n);
        int[] p = Arrays.copyOf(paths, n);
        int[] kd = Arrays.copyOf(kinds, n);
        long[][] w = Arrays.copyOf(writes, n);
        long from = since;
        clear();
        for (int i = 0; i < n; i++) {
            if (t[i] != null) detector.checkRead(ts, k[i], w[i], s[i], p[i], t[i], kd[i], from);
        }
    }
}
