package dev.racecheck.agent.runtime.predict;

import java.util.Arrays;

import dev.racecheck.agent.runtime.threads.Epoch;
import dev.racecheck.agent.runtime.threads.ThreadState;
import dev.racecheck.agent.runtime.threads.VectorClock;

/**
 * The predictive detector's state of one thread, kept in its {@link ThreadState#predictive}.
 *
 * <p><b>Epochs.</b> In predictive mode every synchronization operation of a thread ends its current epoch: an
 * acquire is the first event of a new epoch, a release the last event of the epoch it ends (the thread's
 * happens-before epoch, {@link ThreadState#epoch}, which the detector moves on at every operation, acquires
 * included). So an epoch is a run of accesses between two synchronization operations, at most one operation begins
 * it and at most one ends it, and a set of the thread's events "up to epoch c" is a prefix of the thread. Epoch
 * numbers of one slot keep growing across the threads that use the slot, so (slot, epoch) names one thread's epoch.
 *
 * <p><b>The predictive clock</b> {@link #p}: for each other thread, its last epoch that must precede this thread's
 * next event in every reordering the analysis considers: joined at synchronization that carries data (volatiles,
 * the JDK's synchronizers and queues, thread start and join, class initialization, locks taken by JDK code), at a
 * read of a write no clock ordered before (reads-from), and at a conflict between two critical sections on one lock
 * (the first one's release precedes the conflicting access: DC's rule (a), Roemer et al., PLDI 2018). Unlike
 * happens-before it takes nothing from one of the program's critical sections to the next merely because they came
 * one after the other. Its own entry is not kept (the thread's own past precedes it anyway); it is added when the
 * clock is published.
 *
 * <p>The clock, the held sections and the log are written by the thread only. Other threads read the log, the
 * critical sections it lists, and {@link #uncertainFrom}.
 */
public final class PThread {
    public final int slot;
    /** The first epoch of this thread in its slot: epochs of the slot before it are earlier threads'. */
    final long firstEpoch;
    /** Dense number, for the witness check's arrays. */
    final int id;

    final VectorClock p = new VectorClock();
    /** The last snapshot of {@link #p}, still equal to it unless {@link #changed}. */
    private VectorClock snapshot;
    private boolean changed = true;

    /** Every critical section held now, the program's own and hard ones, innermost last. Replaced on change. */
    private CriticalSection[] holding = Log.NONE;
    /** The program's own among them: what this thread's accesses are inside of. Replaced on change. */
    private CriticalSection[] own = Log.NONE;

    final Log log = new Log();

    /**
     * The first epoch with a read whose write is not known for sure: a read that raced with a write (the order in which
     * racecheck saw the two may not be the order of memory), or a read of a variable two writes raced on. No witness
     * may contain it: {@link Vindication} fails when it would. {@code Long.MAX_VALUE}: none.
     */
    private volatile long uncertainFrom = Long.MAX_VALUE;

    /** Set at the thread's end, with its last epoch and its happens-before clock then (for {@link Horizon}). */
    volatile boolean ended;
    volatile long lastEpoch;
    volatile long[] endCut;

    /** The write the current read reads, when nothing ordered it: logged once the read is checked (owner only). */
    long readFrom = Epoch.NONE;

    /** Holds given back by a wait, per lock, until the wait returns. */
    private PSync[] waitLocks = new PSync[0];
    private CriticalSection[] waitSections = new CriticalSection[0];

    /** Versions of release clocks last acquired (direct-mapped): an unchanged clock has nothing new. */
    private final Object[] acquiredClocks = new Object[32];
    private final long[] acquiredVersions = new long[32];

    /** For {@link Horizon}: happens-before cuts captured along the way, the older one used to trim. */
    long[] readyCut;
    long[] pendingCut;
    int sizeAtCut;

    PThread(int slot, long firstEpoch, int id) {
        this.slot = slot;
        this.firstEpoch = firstEpoch;
        this.id = id;
    }

    // ---- the predictive clock -----------------------------------------------------------------------------------

    /** Whether this thread's next event must follow epoch {@code epoch} of another thread. */
    boolean covers(long epoch) {
        return Epoch.clock(epoch) <= p.get(Epoch.slot(epoch));
    }

    void join(VectorClock other) {
        p.acquire(other);
        changed = true;
    }

    void raise(int otherSlot, long epoch) {
        if (p.get(otherSlot) < epoch) {
            p.raise(otherSlot, epoch);
            changed = true;
        }
    }

    /** p as it is now, never to change (shared copy-on-write with p). */
    VectorClock snapshot() {
        if (changed || snapshot == null) {
            snapshot = new VectorClock(p);
            changed = false;
        }
        return snapshot;
    }

    boolean hasAcquired(Object clock, long version) {
        int i = System.identityHashCode(clock) & (acquiredClocks.length - 1);
        return acquiredClocks[i] == clock && acquiredVersions[i] == version;
    }

    void markAcquired(Object clock, long version) {
        int i = System.identityHashCode(clock) & (acquiredClocks.length - 1);
        acquiredClocks[i] = clock;
        acquiredVersions[i] = version;
    }

    // ---- critical sections ------------------------------------------------------------------------------------------

    CriticalSection holding(PSync lock) {
        CriticalSection[] h = holding;
        for (int i = h.length - 1; i >= 0; i--) {
            if (h[i].lock == lock) return h[i];
        }
        return null;
    }

    CriticalSection[] own() {
        return own;
    }

    void begin(CriticalSection cs) {
        holding = append(holding, cs);
        if (cs.own) own = append(own, cs);
    }

    void end(CriticalSection cs) {
        holding = remove(holding, cs);
        if (cs.own) own = remove(own, cs);
    }

    private static CriticalSection[] append(CriticalSection[] a, CriticalSection cs) {
        CriticalSection[] b = Arrays.copyOf(a, a.length + 1);
        b[a.length] = cs;
        return b;
    }

    private static CriticalSection[] remove(CriticalSection[] a, CriticalSection cs) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] == cs) {
                CriticalSection[] b = new CriticalSection[a.length - 1];
                System.arraycopy(a, 0, b, 0, i);
                System.arraycopy(a, i + 1, b, i, a.length - i - 1);
                return b.length == 0 ? Log.NONE : b;
            }
        }
        return a;
    }

    void waiting(PSync lock, CriticalSection cs) {
        waitLocks = Arrays.copyOf(waitLocks, waitLocks.length + 1);
        waitSections = Arrays.copyOf(waitSections, waitSections.length + 1);
        waitLocks[waitLocks.length - 1] = lock;
        waitSections[waitSections.length - 1] = cs;
    }

    /** The section a wait on {@code lock} gave back, now that the wait returns; null if none. */
    CriticalSection waited(PSync lock) {
        for (int i = waitLocks.length - 1; i >= 0; i--) {
            if (waitLocks[i] == lock) {
                CriticalSection cs = waitSections[i];
                int n = waitLocks.length - 1;
                waitLocks[i] = waitLocks[n];
                waitSections[i] = waitSections[n];
                waitLocks = Arrays.copyOf(waitLocks, n);
                waitSections = Arrays.copyOf(waitSections, n);
                return cs;
            }
        }
        return null;
    }

    // ---- uncertainty ------------------------------------------------------------------------------------------------

    long uncertainFrom() {
        return uncertainFrom;
    }

    /** A read of epoch {@code epoch} may have read another write than the one racecheck saw. */
    synchronized void uncertain(long epoch) {
        if (epoch < uncertainFrom) {
            uncertainFrom = epoch;
            Horizon.uncertaintyChanged(this);
        }
    }

    @Override
    public String toString() {
        return "PThread[slot " + slot + " from " + firstEpoch + "]";
    }
}
