package dev.racecheck.agent.runtime.shadow;

import dev.racecheck.agent.runtime.threads.ThreadState;
import dev.racecheck.agent.runtime.threads.VectorClock;

/**
 * A synchronization variable that is not an object's own clock: one phase of a phaser ({@link PhaseClocks}), one
 * hand-off of an element through a concurrent collection ({@link HandOffs}). Its release clock is guarded by its own
 * monitor; an acquire of a version this thread already acquired joins nothing (the volatile fields' fast path).
 */
public final class SyncClock {
    /** Guarded by this. */
    private final VectorClock clock;
    /** Raised by every release, under the monitor: an unchanged version has nothing new to acquire. */
    private volatile long version;

    /**
     * The predictive detector's state of this clock ({@code predict.PSync}), or null; refers to no program object.
     * Made under this clock's monitor.
     */
    public volatile Object predictive;

    /**
     * In predictive mode, how the predictive state of one clock joins another's (a copy when the first argument is
     * null): {@code (into, from) -> into}. Null in happens-before mode.
     */
    public static volatile java.util.function.BinaryOperator<Object> FOLD;

    public SyncClock() {
        clock = new VectorClock();
    }

    /** A clock that starts as a copy of {@code from} (which the caller keeps from changing meanwhile). */
    SyncClock(SyncClock from) {
        synchronized (from) {
            clock = new VectorClock(from.clock);
        }
        java.util.function.BinaryOperator<Object> fold = FOLD;
        if (fold != null && from.predictive != null) predictive = fold.apply(null, from.predictive);
    }

    /** The thread's clock joins this one. */
    public void acquireInto(ThreadState ts) {
        long v = version;
        if (v == 0L || ts.hasAcquired(this, v)) return;
        synchronized (this) {
            ts.clock.acquire(clock);
            v = version;
        }
        ts.markAcquired(this, v);
    }

    /** This clock joins the thread's. */
    public synchronized void releaseFrom(VectorClock threadClock) {
        clock.receive(threadClock);
        version++;
    }

    /** This clock joins another sync clock's (phases folded into one). */
    void receive(SyncClock other) {
        if (other == this) return;
        VectorClock copy;
        synchronized (other) {
            copy = new VectorClock(other.clock);
        }
        synchronized (this) {
            clock.receive(copy);
            version++;
        }
        java.util.function.BinaryOperator<Object> fold = FOLD;
        if (fold != null && other.predictive != null) {
            synchronized (this) {
                predictive = fold.apply(predictive, other.predictive);
            }
        }
    }

    /** Whether anything was ever released into it. */
    boolean released() {
        return version != 0L;
    }
}
