package dev.racecheck.agent.runtime;

import java.util.Arrays;
import java.util.List;

import dev.racecheck.reports.Frame;

/**
 * Hands out thread slots (vector clock indices) and serial numbers, and remembers each slot's
 * {@link ThreadRecord} for reports.
 */
final class Threads {
    /** How many of the most recently ended slots a new thread looks at for one it may reuse. */
    private static final int REUSE_SCAN = 64;
    /** Occupants remembered per slot, for naming the thread of an old epoch in a report. */
    private static final int HISTORY = 16;

    /** Per slot: its occupants, oldest first, as (first clock, record). Guarded by Threads.class. */
    private static long[][] firstClocks = new long[64][];
    private static ThreadRecord[][] occupants = new ThreadRecord[64][];
    /** Per slot: the next clock value a new occupant starts at. */
    private static long[] nextClock = new long[64];
    /** Ended slots, most recent last, with the last clock at which their occupant's accesses were recorded. */
    private static int[] ended = new int[64];
    private static long[] endedLastAccess = new long[64];
    private static int endedCount;
    private static int nextSlot;
    private static long nextSerial = 1;
    /** Threads started and not yet ended, and the most there were at once (diagnostics). */
    private static int alive;
    private static int mostAlive;

    private Threads() {
        // no instances
    }

    /**
     * A new thread state. It reuses the slot of an ended thread when that is sound: when {@code inherited} (the
     * starting thread's clock) already covers every access the slot's last occupant made, the new thread may
     * cover them too, and its own epochs continue past the old ones. Otherwise it takes a fresh slot. This keeps
     * vector clocks as small as the number of threads that overlap, not the number ever started.
     */
    static ThreadState create(Thread thread, VectorClock inherited, List<Frame> startedAt) {
        int slot = -1;
        long first;
        long serial;
        ThreadRecord record;
        synchronized (Threads.class) {
            serial = nextSerial++;
            mostAlive = Math.max(mostAlive, ++alive);
            for (int i = endedCount - 1; i >= 0 && i >= endedCount - REUSE_SCAN; i--) {
                int s = ended[i];
                long covered = inherited == null ? 0 : inherited.get(s);
                if (covered >= endedLastAccess[i]) {
                    slot = s;
                    System.arraycopy(ended, i + 1, ended, i, endedCount - i - 1);
                    System.arraycopy(endedLastAccess, i + 1, endedLastAccess, i, endedCount - i - 1);
                    endedCount--;
                    break;
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
            if (f.length == HISTORY) { // forget the oldest occupant of this slot
                f = Arrays.copyOfRange(f, 1, HISTORY);
                o = Arrays.copyOfRange(o, 1, HISTORY);
            }
            f = Arrays.copyOf(f, f.length + 1);
            o = Arrays.copyOf(o, o.length + 1);
            f[f.length - 1] = first;
            o[o.length - 1] = record;
            firstClocks[slot] = f;
            occupants[slot] = o;
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

}
