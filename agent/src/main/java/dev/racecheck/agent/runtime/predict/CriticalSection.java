package dev.racecheck.agent.runtime.predict;

import dev.racecheck.agent.runtime.threads.VectorClock;

/**
 * One critical section: a thread's outermost hold of a lock, from the acquire that starts epoch {@link #acquireEpoch}
 * to the release that ends epoch {@link #releaseEpoch()} (see {@link PThread} for how epochs cut a thread's events).
 * The program's own ({@link #own}) are what the predictive relation may reorder: they are numbered in the order they
 * were taken ({@link #index}, the lock's own order, as the lock itself serializes them) and listed in their thread's
 * log. A section taken by JDK code for itself is hard: it orders like any other synchronization.
 *
 * <p>Written by its thread only; other threads read {@link #releaseEpoch()} (volatile, written last) and, once it is
 * set, the release clock and path.
 */
public final class CriticalSection {
    final PSync lock;
    final PThread thread;
    /** Place among the program's own critical sections on this lock, in the order they were taken; -1 if hard. */
    final long index;
    final long acquireEpoch;
    /** Call path of the acquire (application code), or 0. */
    final int acquirePath;
    final int mode;
    final boolean own;
    /** Holds (reentrant acquires, or read holds of one thread); the owner's. */
    int holds = 1;

    /**
     * The epoch of the first read inside this section (while it was the thread's outermost own section), or
     * {@code Long.MAX_VALUE}: the witness check may move a section without reads after others ({@link Vindication}).
     */
    private volatile long firstRead = Long.MAX_VALUE;

    /** The thread's predictive clock at the release, then its epoch. */
    private VectorClock releaseClock;
    private int releasePath;
    private volatile long releaseEpoch;

    CriticalSection(PSync lock, PThread thread, long index, long acquireEpoch, int acquirePath, int mode, boolean own) {
        this.lock = lock;
        this.thread = thread;
        this.index = index;
        this.acquireEpoch = acquireEpoch;
        this.acquirePath = acquirePath;
        this.mode = mode;
        this.own = own;
    }

    /** The release: the last event of epoch {@code epoch}, with the thread's predictive clock then. */
    void released(long epoch, VectorClock clock, int path) {
        releaseClock = clock;
        releasePath = path;
        releaseEpoch = epoch; // last: publishes the two above
    }

    /** A read in epoch {@code epoch} inside this section (owner thread). */
    void read(long epoch) {
        if (firstRead == Long.MAX_VALUE) firstRead = epoch;
    }

    long firstRead() {
        return firstRead;
    }

    /** The epoch the release ends, or 0 while the section is held. */
    long releaseEpoch() {
        return releaseEpoch;
    }

    /** Valid once {@link #releaseEpoch()} is not 0. */
    VectorClock releaseClock() {
        return releaseClock;
    }

    int releasePath() {
        return releasePath;
    }

    @Override
    public String toString() {
        return "CS[" + lock.info() + " #" + index + " by slot " + thread.slot + " " + acquireEpoch + ".."
                + releaseEpoch + (own ? "" : " hard") + "]";
    }
}
