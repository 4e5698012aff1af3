package dev.racecheck.agent.runtime.threads;

import java.lang.ref.WeakReference;
import java.util.Arrays;

/**
 * Hands out thread slots (vector clock indices) and serial numbers, and remembers each slot's
 * {@link ThreadRecord} for reports.
 *
 * <p>Slots of ended threads are reused, so that vector clocks are as wide as the number of threads that overlap,
 * not the number ever started. A new thread may take the slot of an ended one in two cases, both sound: when its
 * starter already covers every access the ended one made (then so may the new thread, and its epochs continue past
 * the old ones), or when the slot is retired: no variable state holds an epoch of that slot any more, so nothing
 * recorded can be mistaken for an access of the new thread or covered by its clock entry. Every variable state that
 * holds an epoch holds the slot's {@link SlotLease} too, so a vacant slot is retired once the GC has collected its
 * lease (checked after each GC, {@link #retireCollected}). Retirement is what lets a thread that starts handler
 * threads and never joins them (a server's acceptor) run forever with bounded clocks: a handler's epochs live in the
 * objects it touched, which die or are written over by later handlers. Like ThreadSanitizer v3's slot reuse, but
 * without its false negatives: TSan gives a reused slot to any thread and then misses races between the slot's old
 * and new owners.
 */
public final class Threads {
    /** How many of the most recently ended slots a new thread looks at for one its starter covers. */
    private static final int REUSE_SCAN = 64;
    /** Occupants remembered per slot, for naming the thread of an old epoch in a report. */
    private static final int HISTORY = 16;

    /** Per slot: its occupants, oldest first, as (first clock, record). Guarded by Threads.class. */
    private static long[][] firstClocks = new long[64][];
    private static ThreadRecord[][] occupants = new ThreadRecord[64][];
    /** Per slot: the next clock value a new occupant starts at. */
    private static long[] nextClock = new long[64];
    /**
     * Vacant slots, most recently ended last, with the last clock at which their occupant's accesses were recorded,
     * and their lease, held weakly: only variable states keep it alive.
     */
    private static int[] ended = new int[64];
    private static long[] endedLastAccess = new long[64];
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static WeakReference<SlotLease>[] endedLeases = new WeakReference[64];
    private static int endedCount;
    /** Retired slots: free for any new thread. */
    private static int[] free = new int[64];
    private static int freeCount;
    private static int nextSlot;
    private static long nextSerial = 1;
    /** Threads started and not yet ended, and the most there were at once (diagnostics). */
    private static int alive;
    private static int mostAlive;
    /** Slots retired so far (diagnostics). */
    private static long retiredTotal;

    private Threads() {
        // no instances
    }

    /**
     * A new thread state, in a retired slot, or the slot of an ended thread that {@code inherited} (the starting
     * thread's clock) covers, or a new slot.
     *
     * @param startStack where it was started, a node of {@link CallPaths#startStack}; 0 when not known
     */
    public static ThreadState create(Thread thread, VectorClock inherited, int startStack) {
        int slot = -1;
        boolean retired = false;
        SlotLease lease = null;
        long first;
        long serial;
        ThreadRecord record;
        synchronized (Threads.class) {
            serial = nextSerial++;
            mostAlive = Math.max(mostAlive, ++alive);
            if (freeCount > 0) {
                slot = free[--freeCount];
                retired = true;
            }
            for (int i = endedCount - 1; slot < 0 && i >= 0 && i >= endedCount - REUSE_SCAN; i--) {
                int s = ended[i];
                long covered = inherited == null ? 0 : inherited.get(s);
                if (covered >= endedLastAccess[i]) {
                    slot = s;
                    // The variables that hold the old occupants' epochs hold this lease: the new thread continues it.
                    lease = endedLeases[i].get();
                    removeEnded(i);
                }
            }
            if (slot < 0) {
                slot = nextSlot++;
                if (slot >= nextClock.length) {
                    int n = Math.max(slot + 1, nextClock.length * 2);
                    nextClock = Arrays.copyOf(nextClock, n);
                    firstClocks = Arrays.copyOf(firstClocks, n);
                    occupants = Arrays.copyOf(occupants, n);
                }
                nextClock[slot] = 1;
            }
            if (lease == null) lease = new SlotLease(slot);
            first = nextClock[slot];
        }
        record = new ThreadRecord(serial, thread, startStack);
        synchronized (Threads.class) {
            long[] f = firstClocks[slot];
            ThreadRecord[] o = occupants[slot];
            if (f == null) {
                f = new long[0];
                o = new ThreadRecord[0];
            }
            // A retired slot's old epochs are gone from every variable: only the last occupant is kept, for a
            // report that may still be on its way out.
            int keep = retired ? Math.min(f.length, 1) : Math.min(f.length, HISTORY - 1);
            long[] nf = new long[keep + 1];
            ThreadRecord[] no = new ThreadRecord[keep + 1];
            System.arraycopy(f, f.length - keep, nf, 0, keep);
            System.arraycopy(o, o.length - keep, no, 0, keep);
            nf[keep] = first;
            no[keep] = record;
            firstClocks[slot] = nf;
            occupants[slot] = no;
        }
        return new ThreadState(slot, record, inherited, first, lease);
    }

    /** The state of a thread racecheck never analyses: slot 0 and serial 0 borrowed, never handed out; events ignored. */
    public static ThreadState unanalysed(Thread thread) {
        ThreadState ts = new ThreadState(0, new ThreadRecord(0, thread, 0), null, 1, null);
        ts.ignore = 1;
        return ts;
    }

    private static void removeEnded(int i) {
        int tail = endedCount - i - 1;
        System.arraycopy(ended, i + 1, ended, i, tail);
        System.arraycopy(endedLastAccess, i + 1, endedLastAccess, i, tail);
        System.arraycopy(endedLeases, i + 1, endedLeases, i, tail);
        endedLeases[--endedCount] = null;
    }

    /** The thread has ended: its slot may serve a later thread. */
    public static void ended(ThreadState ts) {
        synchronized (Threads.class) {
            if (ts.ended) return;
            ts.ended = true;
            alive--;
            nextClock[ts.slot] = ts.clock.get(ts.slot) + 1;
            if (endedCount == ended.length) {
                ended = Arrays.copyOf(ended, endedCount * 2);
                endedLastAccess = Arrays.copyOf(endedLastAccess, endedCount * 2);
                endedLeases = Arrays.copyOf(endedLeases, endedCount * 2);
            }
            ended[endedCount] = ts.slot;
            endedLastAccess[endedCount] = ts.lastAccessClock;
            endedLeases[endedCount++] = new WeakReference<>(ts.lease);
        }
        ts.shrink();
    }

    /**
     * Retires the vacant slots whose lease the GC has collected: no variable state holds an epoch of them any more.
     * Racecheck's cleaner thread calls this after each GC. Returns how many were retired.
     */
    public static synchronized int retireCollected() {
        int kept = 0;
        int retiredNow = 0;
        for (int i = 0; i < endedCount; i++) {
            if (endedLeases[i].get() == null) {
                if (freeCount == free.length) free = Arrays.copyOf(free, freeCount * 2);
                free[freeCount++] = ended[i];
                retiredNow++;
            } else {
                ended[kept] = ended[i];
                endedLastAccess[kept] = endedLastAccess[i];
                endedLeases[kept++] = endedLeases[i];
            }
        }
        for (int i = kept; i < endedCount; i++) endedLeases[i] = null;
        endedCount = kept;
        retiredTotal += retiredNow;
        return retiredNow;
    }

    /** The thread whose epoch {@code clock@slot} is, or null when it is too old to be remembered. */
    public static synchronized ThreadRecord record(int slot, long clock) {
        if (slot >= occupants.length || occupants[slot] == null) return null;
        long[] f = firstClocks[slot];
        for (int i = f.length - 1; i >= 0; i--) {
            if (f[i] <= clock) return occupants[slot][i];
        }
        return null;
    }

    /** Slots handed out so far: the width of vector clocks. */
    public static synchronized int slots() {
        return nextSlot;
    }

    public static synchronized long started() {
        return nextSerial - 1;
    }

    public static synchronized int mostAlive() {
        return mostAlive;
    }

    /** Slots retired so far (diagnostics). */
    public static synchronized long retired() {
        return retiredTotal;
    }

    /** Whether {@code slot} is retired and not yet taken again (tests). */
    static synchronized boolean isRetired(int slot) {
        for (int i = 0; i < freeCount; i++) {
            if (free[i] == slot) return true;
        }
        return false;
    }

    /** Slots retired and not yet taken again (diagnostics and tests). */
    static synchronized int freeSlots() {
        return freeCount;
    }
}
