package dev.racecheck.agent.runtime.predict;

import java.util.Arrays;

import dev.racecheck.agent.runtime.threads.Epoch;
import dev.racecheck.agent.runtime.threads.ThreadState;

/**
 * Every thread's {@link PThread}, by dense id and by slot: an epoch {@code c@slot} belongs to the thread of that slot
 * whose first epoch is the greatest one not after {@code c} (slots are reused; their epochs keep growing). Threads
 * whose whole past lies behind the {@link Horizon} are dropped.
 */
public final class Registry {
    private static PThread[] byId = new PThread[64];
    private static int ids;
    /** Per slot: its threads, oldest first. Arrays replaced, never changed in place. */
    private static volatile PThread[][] bySlot = new PThread[64][];

    private Registry() {
        // no instances
    }

    /** The predictive state of t, made on its first event. */
    public static PThread of(ThreadState t) {
        Object p = t.predictive;
        if (p != null) return (PThread) p;
        PThread made = register(t.slot, Epoch.clock(t.epoch));
        t.predictive = made;
        return made;
    }

    /** A new thread's state (the starter makes it before the thread runs). */
    static synchronized PThread register(int slot, long firstEpoch) {
        if (ids == byId.length) byId = Arrays.copyOf(byId, ids * 2);
        PThread t = new PThread(slot, firstEpoch, ids);
        byId[ids++] = t;
        PThread[][] s = bySlot;
        if (slot >= s.length) s = Arrays.copyOf(s, Math.max(slot + 1, s.length * 2));
        else s = s.clone();
        PThread[] old = s[slot];
        PThread[] now = old == null ? new PThread[1] : Arrays.copyOf(old, old.length + 1);
        now[now.length - 1] = t;
        s[slot] = now;
        bySlot = s;
        return t;
    }

    /** The thread of epoch {@code clock} of {@code slot}, or null when it is not known (any more). */
    static PThread occupant(int slot, long clock) {
        PThread[][] s = bySlot;
        if (slot >= s.length || s[slot] == null) return null;
        PThread[] o = s[slot];
        for (int i = o.length - 1; i >= 0; i--) {
            if (o[i].firstEpoch <= clock) return o[i];
        }
        return null;
    }

    /** One past the highest id handed out. */
    static synchronized int ids() {
        return ids;
    }

    static synchronized PThread byId(int id) {
        return byId[id];
    }

    /** Every thread known, live or ended (for {@link Horizon} and the witness check's start). */
    static synchronized PThread[] all() {
        int n = 0;
        for (int i = 0; i < ids; i++) if (byId[i] != null) n++;
        PThread[] out = new PThread[n];
        int k = 0;
        for (int i = 0; i < ids; i++) if (byId[i] != null) out[k++] = byId[i];
        return out;
    }

    /** Forgets an ended thread whose every epoch is behind the horizon: nothing can need its log any more. */
    static synchronized void drop(PThread t) {
        byId[t.id] = null;
        PThread[][] s = bySlot.clone();
        PThread[] o = s[t.slot];
        if (o == null) return;
        int n = 0;
        for (PThread x : o) if (x != t) n++;
        PThread[] kept = new PThread[n];
        int k = 0;
        for (PThread x : o) if (x != t) kept[k++] = x;
        // An older thread's epochs now read as the next one's: harmless, they are all behind the horizon.
        s[t.slot] = kept.length == 0 ? null : kept;
        bySlot = s;
    }
}
