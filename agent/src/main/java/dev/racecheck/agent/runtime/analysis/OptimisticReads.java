package dev.racecheck.agent.runtime.analysis;

import java.util.Arrays;

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
 */
public final class OptimisticReads {
    static final int MAX = 64;

    /** The StampedLock read optimistically, or null when no optimistic read is in progress. */
    public Object lock;
    /** The frame index of the method that called tryOptimisticRead. */
    private int base;
    private int count;
    private final VarState[] vars = new VarState[MAX];
    private final Object[] targets = new Object[MAX];
    private final int[] sites = new int[MAX];
    private final int[] paths = new int[MAX];
    private final int[] kinds = new int[MAX];
    private final long[][] writes = new long[MAX][];

    public void begin(Object lock, int base) {
        clear();
        this.lock = lock;
        this.base = base;
    }

    public void clear() {
        Arrays.fill(vars, 0, count, null);
        Arrays.fill(targets, 0, count, null);
        Arrays.fill(writes, 0, count, null);
        count = 0;
        lock = null;
    }

    /**
     * A read on the slow path while {@link #lock} is set: true when it is kept for validate (not to be recorded),
     * false when the mode has ended (the read was made by a caller of the method that began it).
     */
    public boolean defer(ThreadState ts, Detector detector, VarState v, int site, int readBase, Object target, int kind) {
        if (readBase < base) {
            clear();
            return false;
        }
        for (int i = 0; i < count; i++) {
            if (vars[i] == v && sites[i] == site) return true;
        }
        if (count < MAX) {
            vars[count] = v;
            targets[count] = target;
            sites[count] = site;
            kinds[count] = kind;
            paths[count] = FastTrack.leaf(ts, readBase, site);
            writes[count] = detector.lastWrite(v);
            count++;
        }
        return true;
    }

    /** validate(stamp) returned true, and the thread has acquired the lock's write clock: check the reads kept. */
    public void validated(ThreadState ts, Detector detector) {
        int n = count;
        VarState[] v = Arrays.copyOf(vars, n);
        Object[] t = Arrays.copyOf(targets, n);
        long[][] w = Arrays.copyOf(writes, n);
        clear();
        for (int i = 0; i < n; i++) {
            detector.checkRead(ts, v[i], w[i], sites[i], paths[i], t[i], kinds[i]);
        }
    }
}
