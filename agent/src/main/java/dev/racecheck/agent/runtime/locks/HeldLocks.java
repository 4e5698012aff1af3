package dev.racecheck.agent.runtime.locks;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;

import dev.racecheck.agent.runtime.threads.CallPaths;
import dev.racecheck.agent.runtime.threads.ThreadState;

/**
 * One thread's locks: the locks it holds, innermost last, each with its mode, hold count and the call path where it
 * was taken (an interned {@code CallPaths} node, not a captured stack); and the blocking acquisition it is in, if
 * any, which racecheck's deadlock watchdog reads from another thread.
 *
 * <p>A monitor's call path is worked out only when an edge or a report needs it ({@link #LAZY}): its frame and the
 * frames below it are the same activations as long as the monitor is held (monitors are block-structured), so where
 * it was taken is still on the thread's stack. Most monitor acquisitions never need it: one with nothing held adds
 * no edge, and one that repeats an edge the thread made before looks only at the thread's edge cache.
 *
 * <p>Only the owning thread changes it. The watchdog's reads are racy, and that is enough: it acts only on threads
 * that stayed blocked, on the same acquisition, across two of its checks a second apart, and a blocked thread changes
 * nothing (it passed the memory barriers of parking or of a contended monitor before it blocked).
 */
public final class HeldLocks {
    private static final VarHandle WAITING;

    static {
        try {
            WAITING = MethodHandles.lookup().findVarHandle(HeldLocks.class, "waitingFor", Object.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static final int CACHE = 64;

    /** {@link #paths} of a monitor whose call path is not worked out yet: see {@link #where}. */
    static final int LAZY = Integer.MIN_VALUE;

    final ThreadState ts;
    LockNode[] nodes = new LockNode[4];
    int[] modes = new int[4];
    int[] counts = new int[4];
    /** The call path of each acquisition, -1 (no frame racecheck knows) or {@link #LAZY}. */
    int[] paths = new int[4];
    /** {@link #where} each was taken, the frame's index and the site there: what a {@link #LAZY} path comes from. */
    long[] wheres = new long[4];
    /** Given up by {@code Object.wait} or {@code Condition.await}, to be taken again when it returns. */
    boolean[] given = new boolean[4];
    int size;
    /** Direct-mapped: edges (with their gate locks) this thread has already put in the graph; 0 is empty. */
    private long[] edgeCache;

    /**
     * The key object of the lock this thread is about to block on ({@link Locks#waiting}), until it has it; null
     * otherwise. Strong, but only while the thread's own stack holds the object too. Written opaque, so that a store
     * is never dropped in favour of the one that clears it.
     */
    private Object waitingFor;
    /** Family, mode and flags of that acquisition; raised by one at each. */
    int waitingHow;
    long waitSeq;

    HeldLocks(ThreadState ts) {
        this.ts = ts;
    }

    void waiting(Object key, int how) {
        waitingHow = how;
        waitSeq++;
        WAITING.setOpaque(this, key);
    }

    void notWaiting() {
        WAITING.setOpaque(this, (Object) null);
    }

    /** Whether a wait is recorded; the owning thread's own read. */
    boolean isWaiting() {
        return waitingFor != null;
    }

    /** Read by the watchdog. */
    Object waitingFor() {
        return WAITING.getOpaque(this);
    }

    /** The index of the entry of {@code node} in {@code mode}, innermost first, or -1. */
    int find(LockNode node, int mode) {
        for (int i = size - 1; i >= 0; i--) {
            if (nodes[i] == node && modes[i] == mode) return i;
        }
        return -1;
    }

    /** Whether this thread holds {@code node} in any mode (a reentrant acquisition). */
    boolean holds(LockNode node) {
        for (int i = size - 1; i >= 0; i--) {
            if (nodes[i] == node) return true;
        }
        return false;
    }

    void push(LockNode node, int mode, int path, long where) {
        if (size == nodes.length) grow();
        nodes[size] = node;
        modes[size] = mode;
        counts[size] = 1;
        paths[size] = path;
        wheres[size] = where;
        given[size] = false;
        size++;
    }

    private void grow() {
        int n = size * 2;
        nodes = Arrays.copyOf(nodes, n);
        modes = Arrays.copyOf(modes, n);
        counts = Arrays.copyOf(counts, n);
        paths = Arrays.copyOf(paths, n);
        wheres = Arrays.copyOf(wheres, n);
        given = Arrays.copyOf(given, n);
    }

    /** Frame {@code base} of the thread, at {@code site}: where an acquisition is made. */
    static long where(int base, int site) {
        return (long) base << 32 | (site & 0xFFFF_FFFFL);
    }

    static int base(long where) {
        return (int) (where >> 32);
    }

    static int site(long where) {
        return (int) where;
    }

    /**
     * The call path of entry {@code i}, worked out now if it is {@link #LAZY}; the thread is making an acquisition at
     * {@code now} ({@link #where}), so the frame that took the monitor is below it, or is its frame.
     */
    int path(int i, long now) {
        int p = paths[i];
        if (p != LAZY) return p;
        int base = base(wheres[i]);
        int site = site(wheres[i]);
        p = site <= 0 ? -1 : CallPaths.heldLeaf(ts, base, site, base(now), site(now));
        paths[i] = p;
        return p;
    }

    void remove(int i) {
        int tail = size - i - 1;
        if (tail > 0) {
            System.arraycopy(nodes, i + 1, nodes, i, tail);
            System.arraycopy(modes, i + 1, modes, i, tail);
            System.arraycopy(counts, i + 1, counts, i, tail);
            System.arraycopy(paths, i + 1, paths, i, tail);
            System.arraycopy(wheres, i + 1, wheres, i, tail);
            System.arraycopy(given, i + 1, given, i, tail);
        }
        nodes[--size] = null;
    }

    /** The ids, sorted, of the locks held exclusively now other than entry {@code except}: an edge's gate locks. */
    long[] gates(int except) {
        long[] out = new long[size];
        int n = 0;
        for (int i = 0; i < size; i++) {
            if (i != except && !given[i] && modes[i] == Locks.EXCLUSIVE) out[n++] = nodes[i].id;
        }
        out = n == out.length ? out : Arrays.copyOf(out, n);
        Arrays.sort(out);
        return out;
    }

    /** Whether this thread has put this edge (key from {@link #edgeKey}) in the graph already; if not, notes it. */
    boolean seen(long key) {
        long[] cache = edgeCache;
        if (cache == null) edgeCache = cache = new long[CACHE];
        int slot = (int) (key ^ (key >>> 32)) & (CACHE - 1);
        if (cache[slot] == key) return true;
        cache[slot] = key;
        return false;
    }

    /** Identity of an edge (its ends' {@link #mix}es) with its gate locks' sum of mixes; never 0. */
    static long edgeKey(long fromMix, int fromMode, long toMix, int toMode, long gateSum) {
        long k = fromMix * 31 + Long.rotateLeft(toMix ^ 0x5DEECE66DL, 17);
        k ^= gateSum * 0x9E3779B97F4A7C15L;
        k += (fromMode << 1) | (toMode << 5);
        return k == 0 ? 1 : k;
    }

    static long mix(long id) {
        long z = id + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
