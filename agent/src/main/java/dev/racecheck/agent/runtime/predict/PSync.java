package dev.racecheck.agent.runtime.predict;

import java.util.Arrays;

import dev.racecheck.agent.runtime.shadow.Shadow;
import dev.racecheck.agent.runtime.shadow.SyncClock;
import dev.racecheck.agent.runtime.threads.VectorClock;
import dev.racecheck.reports.LockInfo;

/**
 * The predictive detector's state of one object as a synchronization variable and as a lock, kept in its
 * {@link Shadow#predictive}. It refers to no program object.
 *
 * <p>Synchronization that carries data (a volatile, a queue's element, a latch, a thread start, a class's
 * initialization, a lock taken by JDK code for itself) is a hard edge in the predictive relation too: these clocks
 * mirror the shadow's happens-before clocks, but hold predictive clocks ({@link PThread#p}). A lock the program takes
 * itself gives no edge here: its critical sections are numbered ({@link #nextIndex}) and listed in the threads' logs,
 * and the witness check keeps them in order and apart ({@link Vindication}).
 *
 * <p>All state is guarded by this object's monitor (racecheck's own object, never the program's).
 */
public final class PSync {
    /**
     * The state of the object {@code s} shadows, made on first use. Made under the shadow's monitor (racecheck's own
     * object): the JDK's atomic classes would run the JDK model's hooks, which lead back here.
     */
    public static PSync of(Shadow s) {
        Object p = s.predictive;
        if (p != null) return (PSync) p;
        synchronized (s) {
            if (s.predictive == null) s.predictive = new PSync();
            return (PSync) s.predictive;
        }
    }

    /** A release clock with the number of releases it has seen (an unchanged version: nothing new to acquire). */
    static final class Clock {
        final VectorClock clock = new VectorClock();
        volatile long version;
    }

    /** Releases into the object itself (a modelled JDK synchronizer's key, a lock taken by the JDK...). */
    private Clock object;
    /** Per volatile field key, and per array element index: their release clocks. */
    private Clock[] fields = new Clock[0];
    private int[] fieldKeys = new int[0];
    private Clock[] elements = new Clock[0];
    /** For a class: the end of its static initializer. */
    private VectorClock initialized;

    // ---- as a lock ---------------------------------------------------------------------------------------------

    /** Critical sections of the program's own on this lock so far: the next one's number, in the order taken. */
    private long sections;
    /**
     * Set once a critical section on this lock was taken by JDK code, or was not the program's own: from then on every
     * critical section on it is a hard edge (see {@link #hard}).
     */
    private volatile boolean hardSeen;
    /** The last of the program's own critical sections released, while none was hard. */
    private CriticalSection lastOwn;
    /** How reports name the lock; set on its first critical section. */
    private volatile LockInfo info;

    PSync() {
    }

    /**
     * The state of a sync clock that is not an object's (a phaser's phase, an element's hand-off), made on first use;
     * kept in {@link SyncClock#predictive}. Its phases fold into one another ({@link #fold}).
     */
    public static PSync of(SyncClock c) {
        Object p = c.predictive;
        if (p != null) return (PSync) p;
        synchronized (c) {
            if (c.predictive == null) c.predictive = new PSync();
            return (PSync) c.predictive;
        }
    }

    /**
     * {@code from}'s object clock joins {@code into}'s (made when null): a sync clock folded into another, or copied
     * ({@code into} null). Installed as {@link SyncClock#FOLD} in predictive mode, so that an acquire of the folded
     * clock orders in the predictive relation what it orders in happens-before.
     */
    static Object fold(Object into, Object from) {
        PSync target = into == null ? new PSync() : (PSync) into;
        if (from == null || from == target) return target;
        PSync source = (PSync) from;
        VectorClock copy = null;
        synchronized (source) {
            if (source.object != null) copy = new VectorClock(source.object.clock);
        }
        if (copy == null) return target;
        synchronized (target) {
            Clock c = target.clock(OBJECT, true);
            c.clock.receive(copy);
            c.version++;
        }
        return target;
    }

    // ---- hard edges --------------------------------------------------------------------------------------------

    static final int OBJECT = -1;

    /** The clock of field {@code key}, or of the object itself ({@link #OBJECT}); made when {@code create}. */
    private Clock clock(int key, boolean create) {
        if (key == OBJECT) {
            if (object == null && create) object = new Clock();
            return object;
        }
        for (int i = 0; i < fieldKeys.length; i++) {
            if (fieldKeys[i] == key) return fields[i];
        }
        if (!create) return null;
        Clock c = new Clock();
        fieldKeys = Arrays.copyOf(fieldKeys, fieldKeys.length + 1);
        fields = Arrays.copyOf(fields, fields.length + 1);
        fieldKeys[fieldKeys.length - 1] = key;
        fields[fields.length - 1] = c;
        return c;
    }

    private Clock element(int index, boolean create) {
        if (index < elements.length && elements[index] != null) return elements[index];
        if (!create) return null;
        if (index >= elements.length) elements = Arrays.copyOf(elements, Math.max(index + 1, elements.length * 2));
        Clock c = new Clock();
        elements[index] = c;
        return c;
    }

    /** t releases into field {@code key} (or the object): the clock takes t's predictive clock and t's epoch. */
    synchronized void release(int key, PThread t, long epoch) {
        publish(clock(key, true), t, epoch);
    }

    synchronized void releaseElement(int index, PThread t, long epoch) {
        publish(element(index, true), t, epoch);
    }

    private static void publish(Clock c, PThread t, long epoch) {
        c.clock.receive(t.p);
        c.clock.raise(t.slot, epoch);
        c.version++;
    }

    /**
     * t acquires from field {@code key} (or the object): true when that brought anything new (then t's clock took it).
     * Unchanged since t's last acquire of it: nothing to do (a spin loop on a volatile).
     */
    boolean acquire(int key, PThread t) {
        Clock c;
        synchronized (this) {
            c = clock(key, false);
        }
        return c != null && join(c, t);
    }

    boolean acquireElement(int index, PThread t) {
        Clock c;
        synchronized (this) {
            c = element(index, false);
        }
        return c != null && join(c, t);
    }

    private boolean join(Clock c, PThread t) {
        long version = c.version;
        if (t.hasAcquired(c, version)) return false;
        synchronized (this) {
            t.join(c.clock);
            version = c.version;
        }
        t.markAcquired(c, version);
        return true;
    }

    synchronized void initialized(PThread t, long epoch) {
        VectorClock c = new VectorClock(t.p);
        c.raise(t.slot, epoch);
        initialized = c;
    }

    /** t uses the class: its clock takes the end of the static initializer; false when there is none (yet). */
    synchronized boolean acquireInitialized(PThread t) {
        if (initialized == null) return false;
        t.join(initialized);
        return true;
    }

    // ---- as a lock -----------------------------------------------------------------------------------------------

    /** The number of the next critical section of the program's own on this lock. */
    synchronized long nextIndex() {
        return sections++;
    }

    /**
     * Whether a critical section about to begin is a hard edge rather than the program's own ({@code own}: taken by
     * application code on a lock the JDK does not share). Once one is hard, all later ones are: the first joins the
     * last of the program's own that came before it, so the lock's order stays whole where the two kinds meet.
     */
    boolean hard(boolean own, PThread t) {
        if (hardSeen) return true; // volatile: no lock on the usual paths
        if (own) return false;
        return makeHard(t);
    }

    private synchronized boolean makeHard(PThread t) {
        if (!hardSeen) {
            hardSeen = true;
            CriticalSection last = lastOwn;
            if (last != null && last.thread != t) {
                t.join(last.releaseClock());
                t.raise(last.thread.slot, last.releaseEpoch());
            }
            lastOwn = null;
        }
        return true;
    }

    /** One of the program's own critical sections on this lock was released. */
    synchronized void ownReleased(CriticalSection cs) {
        if (!hardSeen) lastOwn = cs;
    }

    LockInfo info() {
        return info;
    }

    void describe(Object owner, int mode) {
        if (info != null || owner == null) return;
        String type = owner.getClass().getName();
        String instance = type + "@" + Integer.toHexString(System.identityHashCode(owner));
        info = new LockInfo(mode == 0 ? LockInfo.Kind.MONITOR : LockInfo.Kind.LOCK, instance);
    }
}
