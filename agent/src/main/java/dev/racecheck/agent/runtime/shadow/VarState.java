package dev.racecheck.agent.runtime.shadow;

import dev.racecheck.agent.runtime.threads.CallPaths;
import dev.racecheck.agent.runtime.threads.Epoch;
import dev.racecheck.agent.runtime.threads.SlotLease;
import dev.racecheck.agent.runtime.threads.VectorClock;

/**
 * FastTrack's shadow state of one variable (a field of one object, a static field, an array element).
 *
 * <p>{@code w} and {@code r} are read without a lock by the same-epoch fast path; every other change
 * happens under {@code synchronized (this)} (a racecheck-private monitor, never the user's object). The
 * read vector clock exists only while reads are concurrent ({@code r == Epoch.SHARED}): FastTrack measured
 * that under 0.1% of reads need it.
 *
 * <p>Next to each epoch the call-path node of that access is kept, so that the previous access of a race
 * is reported with its full stack (see {@link CallPaths}).
 */
public sealed class VarState permits CompanionState, ContainerState {
    /** Field key or array index: which variable of its {@link Shadow} this is. */
    public final int key;
    /*
     * w and r are plain fields, changed only under the monitor: the fast path's unlocked read can at worst see a
     * stale value, which only sends it to the slow path, or its own thread's epoch, which that thread wrote itself
     * in this epoch (no other thread writes it). A volatile store here was a full fence on every slow-path access.
     */
    /** Epoch of the last write, or {@link Epoch#NONE}. */
    public long w;
    /** Epoch of the last read, {@link Epoch#NONE}, or {@link Epoch#SHARED}. */
    public long r;
    public int wPath;
    public int rPath;
    /** Read-shared mode: per thread slot, the clock and call path of that thread's last read. */
    public volatile long[] readClocks;
    public int[] readPaths;
    /**
     * The {@link SlotLease} of {@code w}'s slot, and of {@code r}'s: a {@code SlotLease}, or in read-shared mode a
     * {@code SlotLease[]} indexed like {@code readClocks}. They keep the slots of the epochs held here from being
     * retired; null where there is no epoch. Changed under the monitor with the epochs.
     */
    public SlotLease wLease;
    public Object rLease;

    VarState(int key) {
        this.key = key;
    }

    /**
     * Forgets the last write if it happens-before {@code clock} (a final-field freeze, see
     * {@link dev.racecheck.agent.runtime.jdk.Freeze}).
     */
    public void forgetWriteBefore(VectorClock clock) {
        synchronized (this) {
            long last = w;
            if (last != Epoch.NONE && clock.covers(last)) {
                w = Epoch.NONE;
                wLease = null;
            }
        }
    }
}
