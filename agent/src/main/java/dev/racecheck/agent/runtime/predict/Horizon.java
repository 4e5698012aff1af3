package dev.racecheck.agent.runtime.predict;

import java.util.Arrays;

import dev.racecheck.agent.runtime.report.Internal;
import dev.racecheck.agent.runtime.threads.Epoch;
import dev.racecheck.agent.runtime.threads.ThreadState;
import dev.racecheck.agent.runtime.threads.VectorClock;

/**
 * The memory bound of the logs. Logs hold a bounded number of entries: {@link #budget} in all (a fraction of the
 * heap), {@link #perThread} per thread. Past that, the oldest part of the run is forgotten: the horizon {@code F}, one
 * epoch per slot, says that every event at or before {@code F[slot]} is taken to precede everything, and no witness
 * leaves it out.
 *
 * <p>Why that is sound: {@code F} only ever grows by a thread's happens-before past at some moment (its clock then,
 * with its own current epoch left out). A happens-before past is closed under everything the witness check follows
 * (program order, reads-from of reads that did not race, synchronization that carries data, the order of critical
 * sections on a lock: each happens-before the next), and so is a union of such pasts. A closed part of the trace can
 * be put first in any witness without checking it again, except for the critical sections that begin inside it and
 * end outside: those the check starts from ({@link Log#heldAt} at the horizon). Events behind the horizon can never
 * be one of the two accesses of a predicted race. A read whose write is uncertain ({@link PThread#uncertainFrom})
 * breaks that closure: if one falls behind the horizon, predicting stops for the rest of the run (said once with
 * verbose=1).
 *
 * <p>The cuts: each thread captures its past every {@code perThread / 2} entries and trims with the one before
 * (so at least that many of its recent entries stay); an ended thread is trimmed, when the budget runs out, with its
 * clock at its end.
 */
public final class Horizon {
    /** Entries in all logs, at most (softly: a thread checks every {@link #CHECK_EVERY} of its own entries). */
    static final long budget = budget(Runtime.getRuntime().maxMemory());
    static final int perThread = (int) Math.min(1 << 16, Math.max(1 << 12, budget / 8));
    private static final int CHECK_EVERY = 1024;

    /** Per slot: the horizon's epoch. Guarded by Horizon.class; readers take a copy ({@link #cut()}). */
    private static long[] forgotten = new long[64];
    /** Set when a read whose write is uncertain fell behind the horizon: no more predictions. */
    private static volatile boolean broken;
    private static long trims;

    private Horizon() {
        // no instances
    }

    /** A 1/32 of the heap at about 100 bytes an entry (the entry, its critical section or clock snapshot). */
    static long budget(long maxHeap) {
        return Math.max(1 << 16, Math.min(1L << 24, maxHeap / 32 / 100));
    }

    /** Entries in all logs now (a sum over the threads: called every {@link #CHECK_EVERY} entries of a thread). */
    static long total() {
        long n = 0;
        for (PThread p : Registry.all()) n += p.log.size();
        return n;
    }

    static boolean broken() {
        return broken;
    }

    /** The horizon now: a copy, indexed by slot (slots past its end: 0). */
    static synchronized long[] cut() {
        return forgotten.clone();
    }

    static synchronized long at(int slot) {
        return slot < forgotten.length ? forgotten[slot] : 0;
    }

    /** A thread's uncertain read moved: behind the horizon already, it breaks it. */
    static synchronized void uncertaintyChanged(PThread t) {
        if (t.slot < forgotten.length && t.uncertainFrom() <= forgotten[t.slot] && t.uncertainFrom() >= t.firstEpoch) {
            breakHorizon();
        }
    }

    private static void breakHorizon() {
        if (!broken) {
            broken = true;
            Internal.verbose("predictive analysis stopped: a read that raced with a write fell behind the log horizon");
        }
    }

    /** The happens-before past of {@code ts} now, its own current epoch left out (it is not over). */
    static long[] pastOf(ThreadState ts) {
        VectorClock c = ts.clock;
        long[] cut = new long[Math.max(c.width(), ts.slot + 1)];
        for (int i = 0; i < cut.length; i++) cut[i] = c.get(i);
        cut[ts.slot] = Epoch.clock(ts.epoch) - 1;
        return cut;
    }

    /**
     * After each entry the thread appends: every so often, capture a cut, and trim when over the bounds. Cheap when
     * nothing is due.
     */
    static void afterAppend(ThreadState ts, PThread t) {
        int size = t.log.size();
        if (size - t.sizeAtCut >= perThread / 2) {
            t.readyCut = t.pendingCut;
            t.pendingCut = pastOf(ts);
            t.sizeAtCut = size;
        }
        if ((size & (CHECK_EVERY - 1)) != 0 && size < perThread) return;
        long f = at(t.slot);
        if (f >= t.log.firstKeptEpoch() && f > 0) t.sizeAtCut -= t.log.dropThrough(f); // others moved the horizon
        boolean over = t.log.size() >= perThread || total() > budget;
        if (!over) return;
        long[] cut = t.readyCut != null ? t.readyCut : t.pendingCut != null ? t.pendingCut : pastOf(ts);
        t.readyCut = null;
        advance(cut);
        t.sizeAtCut -= t.log.dropThrough(at(t.slot));
        if (t.sizeAtCut < 0) t.sizeAtCut = 0;
        if (total() > budget) trimEnded();
    }

    /** F := F joined with {@code cut}. */
    static synchronized void advance(long[] cut) {
        if (cut.length > forgotten.length) forgotten = Arrays.copyOf(forgotten, cut.length);
        boolean moved = false;
        for (int i = 0; i < cut.length; i++) {
            if (cut[i] > forgotten[i]) {
                forgotten[i] = cut[i];
                moved = true;
            }
        }
        if (!moved) return;
        trims++;
        for (PThread p : Registry.all()) {
            long u = p.uncertainFrom();
            if (u != Long.MAX_VALUE && u >= p.firstEpoch && p.slot < forgotten.length && u <= forgotten[p.slot]) {
                breakHorizon();
            }
        }
    }

    /** Trims ended threads, oldest first, with their pasts at their end, until the logs are back under budget. */
    private static void trimEnded() {
        for (PThread p : Registry.all()) {
            if (total() <= budget * 3 / 4) return;
            long[] cut = p.endCut;
            if (!p.ended || cut == null) continue;
            advance(cut);
            synchronized (p) { // an ended thread's log: any trimmer may drop from it, one at a time
                p.log.dropThrough(at(p.slot));
            }
            if (at(p.slot) >= p.lastEpoch) Registry.drop(p);
        }
    }

    /** For verbose=1: how the bound was used. */
    public static synchronized String summary() {
        return "predictive logs: " + total() + " entries (budget " + budget + ", " + perThread + " per thread), "
                + trims + " horizon moves" + (broken ? ", stopped" : "");
    }
}
