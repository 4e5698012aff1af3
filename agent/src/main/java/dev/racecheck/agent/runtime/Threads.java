package dev.racecheck.agent.runtime;

import java.util.Arrays;
import java.util.List;

import dev.racecheck.reports.Frame;

/**
 * Hands out thread slots (vector clock indices) and serial numbers, and remembers each slot's
 * {@link ThreadRecord} for reports.
 *
 * <p>Slots of ended threads are reused, so that vector clocks are as wide as the number of threads that overlap,
 * not the number ever started. A new thread may take the slot of an ended one in two cases, both sound: when its
 * starter already covers every access the ended one made (then so may the new thread, and its epochs continue past
 * the old ones), or when the slot is retired: no variable state holds an epoch of that slot any more, so nothing
 * recorded can be mistaken for an access of the new thread or covered by its clock entry. Retirement is what lets a
 * thread that starts handler threads and never joins them (a server's acceptor) run forever with bounded clocks:
 * a handler's epochs live in the objects it touched, which die or are written over by later handlers. Like ThreadSanitizer v3's
 * slot reuse, but without its false negatives: TSan gives a reused slot to any thread and then misses races between
 * the slot's old and new owners.
 */
final class Threads {
    /** How many of the most recently ended slots a new thread looks at for one its starter covers. */
    private static final int REUSE_SCAN = 64;
    /** Occupants remembered per slot, for naming the thread of an old epoch in a report. */
    private static final int HISTORY = 16;
    /** Vacant slots worth a scan of every variable state for retirement. */
    private static final int RETIRE_AT = 16;

    /** Per slot: its occupants, oldest first, as (first clock, record). Guarded by Threads.class. */
    private static long[][] firstClocks = new long[64][];
    private static ThreadRecord[][] occupants = new ThreadRecord[64][];
    /** Per slot: the next clock value a new occupant starts at. */
    private static long[] nextClock = new long[64];
    /** Per slot: raised for every new occupant, so that a retirement scan sees a slot that changed hands meanwhile. */
    private static int[] occupancy = new int[64];
    /** Vacant slots, most recently ended last, with the last clock at which their occupant's accesses were recorded. */
    private static int[] ended = new int[64];
    private static long[] endedLastAccess = new long[64];
    private static int endedCount;
    /** Retired slots: free for any new thread. */
    private static int[] free = new int[64];
    private static int freeCount;
    private static int nextSlot;
    private static long nextSerial = 1;
    /** Threads started and not yet ended, and the most there were at once (diagnostics). */
    private static int alive;
    private static int mostAlive;
    /** The start stack of the last thread created: threads started at one place share one list. */
    private static List<Frame> lastStartedAt = List.of();

    private Threads() {
        // no instances
    }

    /**
     * A new thread state, in a retired slot, or the slot of an ended thread that {@code inherited} (the starting
     * thread's clock) covers, or a new slot.
     */
    static ThreadState create(Thread thread, VectorClock inherited, List<Frame> startedAt) {
        int slot = -1;
        boolean retired = false;
        long first;
        long serial;
        ThreadRecord record;
        synchronized (Threads.class) {
            serial = nextSerial++;
            mostAlive = Math.max(mostAlive, ++alive);
            if (startedAt.equals(lastStartedAt)) startedAt = lastStartedAt;
            else lastStartedAt = startedAt;
            if (freeCount > 0) {
                slot = free[--freeCount];
                retired = true;
            }
            for (int i = endedCount - 1; slot < 0 && i >= 0 && i >= endedCount - REUSE_SCAN; i--) {
                int s = ended[i];
                long covered = inherited == null ? 0 : inherited.get(s);
                if (covered >= endedLastAccess[i]) {
                    slot = s;
                    System.arraycopy(ended, i + 1, ended, i, endedCount - i - 1);
                    System.arraycopy(endedLastAccess, i + 1, endedLastAccess, i, endedCount - i - 1);
                    endedCount--;
                }
            }
            if (slot < 0) {
                slot = nextSlot++;
                if (slot >= nextClock.length) {
                    int n = Math.max(slot + 1, nextClock.length * 2);
                    nextClock = Arrays.copyOf(nextClock, n);
                    occupancy = Arrays.copyOf(occupancy, n);
                    firstClocks = Arrays.copyOf(firstClocks, n);
                    occupants = Arrays.copyOf(occupants, n);
                }
                nextClock[slot] = 1;
            }
            occupancy[slot]++;
            first = nextClock[slot];
        }
        record = new ThreadRecord(serial, thread, startedAt);
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
        return new ThreadState(slot, record, inherited, first);
    }

    /** The thread has ended: its slot may serve a later thread. */
    static void ended(ThreadState ts) {
        synchronized (Threads.class) {
            if (ts.ended) return;
            ts.ended = true;
            alive--;
            nextClock[ts.slot] = ts.clock.get(ts.slot) + 1;
            if (endedCount == ended.length) {
                ended = Arrays.copyOf(ended, endedCount * 2);
                endedLastAccess = Arrays.copyOf(endedLastAccess, endedCount * 2);
            }
            ended[endedCount] = ts.slot;
            endedLastAccess[endedCount++] = ts.lastAccessClock;
        }
        ts.shrink();
    }

    /**
     * Retires the vacant slots no variable state refers to any more (racecheck's cleaner thread calls this after each
     * sweep of the shadow map). Sound without stopping the program: an ended thread records no new epochs, and
     * FastTrack only ever moves an epoch within one variable state (from its read epoch into its read vector, read
     * here in that order), so a slot the scan finds nowhere stays nowhere, unless it changed hands meanwhile, which
     * its occupancy count tells.
     *
     * <p>Relies on every variable state being reachable from a live object's shadow in {@code shadows}.
     */
    static void retire(ShadowMap shadows) {
        int vacant;
        int width;
        synchronized (Threads.class) {
            vacant = endedCount;
            width = nextSlot;
        }
        // The scan visits every variable state: worth it only when a good share of the slots is waiting for it.
        if (vacant * 8 >= width) retire(shadows, RETIRE_AT);
    }

    /** {@link #retire(ShadowMap)} when at least {@code atLeast} slots are vacant. */
    static void retire(ShadowMap shadows, int atLeast) {
        int[] candidates;
        int[] occupancyAtStart;
        int width;
        synchronized (Threads.class) {
            if (endedCount < atLeast || endedCount == 0) return;
            candidates = Arrays.copyOf(ended, endedCount);
            occupancyAtStart = new int[endedCount];
            for (int i = 0; i < endedCount; i++) occupancyAtStart[i] = occupancy[candidates[i]];
            width = nextSlot;
        }
        long[] referenced = new long[(width + 63) >>> 6];
        shadows.forEachLive(shadow -> {
            for (VarState v : shadow.vars()) {
                if (v != null) markSlots(v, referenced);
            }
        });
        synchronized (Threads.class) {
            int[] retiring = new int[nextSlot];
            Arrays.fill(retiring, -1);
            for (int i = 0; i < candidates.length; i++) {
                int s = candidates[i];
                if ((referenced[s >>> 6] & (1L << s)) == 0) retiring[s] = occupancyAtStart[i];
            }
            int kept = 0;
            for (int i = 0; i < endedCount; i++) {
                int s = ended[i];
                if (retiring[s] == occupancy[s]) {
                    if (freeCount == free.length) free = Arrays.copyOf(free, freeCount * 2);
                    free[freeCount++] = s;
                } else {
                    ended[kept] = s;
                    endedLastAccess[kept++] = endedLastAccess[i];
                }
            }
            endedCount = kept;
        }
    }

    /** Marks the slots of the epochs {@code v} holds: its read epoch or read vector first, then its write epoch. */
    private static void markSlots(VarState v, long[] referenced) {
        long r = v.r;
        if (r == Epoch.SHARED) {
            long[] readClocks = v.readClocks;
            if (readClocks != null) {
                for (int u = 0; u < readClocks.length; u++) {
                    if (readClocks[u] != 0) mark(u, referenced);
                }
            }
        } else if (r != Epoch.NONE) {
            mark(Epoch.slot(r), referenced);
        }
        long w = v.w;
        if (w != Epoch.NONE) mark(Epoch.slot(w), referenced);
    }

    private static void mark(int slot, long[] referenced) {
        int word = slot >>> 6;
        if (word < referenced.length) referenced[word] |= 1L << slot;
    }

    /** The thread whose epoch {@code clock@slot} is, or null when it is too old to be remembered. */
    static synchronized ThreadRecord record(int slot, long clock) {
        if (slot >= occupants.length || occupants[slot] == null) return null;
        long[] f = firstClocks[slot];
        for (int i = f.length - 1; i >= 0; i--) {
            if (f[i] <= clock) return occupants[slot][i];
        }
        return null;
    }

    /** Slots handed out so far: the width of vector clocks. */
    static synchronized int slots() {
        return nextSlot;
    }

    static synchronized long started() {
        return nextSerial - 1;
    }

    static synchronized int mostAlive() {
        return mostAlive;
    }

    /** Slots retired and not yet taken again (diagnostics and tests). */
    static synchronized int freeSlots() {
        return freeCount;
    }
}
