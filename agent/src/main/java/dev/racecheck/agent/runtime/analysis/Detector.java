package dev.racecheck.agent.runtime.analysis;

import dev.racecheck.agent.runtime.shadow.ElementStates;
import dev.racecheck.agent.runtime.shadow.Shadow;
import dev.racecheck.agent.runtime.shadow.SyncClock;
import dev.racecheck.agent.runtime.shadow.VarState;
import dev.racecheck.agent.runtime.threads.CallPaths;
import dev.racecheck.agent.runtime.threads.ThreadState;

/**
 * The analysis behind {@link dev.racecheck.agent.runtime.RaceEvents}: the one narrow interface between the events
 * instrumentation emits and a happens-before algorithm. {@link FastTrack} implements it.
 *
 * <p>Access methods are the slow path: {@code RaceEvents} has already looked up the variable's state and ruled out
 * the same-epoch case. {@code site} and {@code base} locate the access (see {@link CallPaths});
 * {@code target} and {@code kind} say what the variable is, for a report.
 */
public interface Detector {
    /** Target kinds. */
    int FIELD = 0;
    int STATIC = 1;
    int ELEMENT = 2;
    /**
     * A library object's whole state, read or written by a call of one of its methods, or of a view, iterator or entry
     * of it ({@link dev.racecheck.agent.runtime.jdk.Containers}); the target is its
     * {@link dev.racecheck.agent.runtime.shadow.ContainerState}.
     */
    int CONTAINER = 3;

    /**
     * Lock modes. A monitor ({@code synchronized}); the write lock of a lock (a {@code ReentrantLock}, the write lock
     * of a read-write or stamped lock); a read lock (shared). Happens-before gives them the clocks
     * {@link dev.racecheck.agent.runtime.RaceEvents} always gave them: a monitor and a write lock are acquired from the
     * lock's clock and its read clock ({@link #READ_CLOCK}), a read lock from the lock's clock only; a monitor and a
     * write lock release into the lock's clock, a read lock into its read clock.
     */
    int MONITOR = 0;
    int WRITE_LOCK = 1;
    int READ_LOCK = 2;

    /**
     * The read clock of a read-write lock ({@code ReentrantReadWriteLock}'s shared Sync, a {@code StampedLock}), kept
     * as a volatile field of the lock's shadow under this key, a name no Java field can have. A plain lock's read clock
     * stays empty. See {@code RaceEvents}' read-write lock section.
     */
    int READ_CLOCK = dev.racecheck.agent.runtime.report.Sites.syncKey("racecheck:read-lock");

    /**
     * No call path: a lock operation made by JDK code for its own purposes (a queue's internal lock), or one whose
     * caller is not known. See {@link #lock}.
     */
    int NO_PATH = 0;

    void read(ThreadState t, VarState v, int site, int base, Object target, int kind);

    void write(ThreadState t, VarState v, int site, int base, Object target, int kind);

    /**
     * A read of element {@code index} of {@code array}, whose state is in page {@code p} of its {@link ElementStates}
     * (happens-before mode; the predictive detector keeps {@link VarState}s for elements and gets {@link #read}).
     * {@code path} is the access's call path if the caller knows it, else 0; returns it (0 if it was not needed), so
     * that a loop checked before it runs, whose accesses share one path, works it out once.
     */
    int readElement(ThreadState t, ElementStates.Page p, int index, int site, int base, int path, Object array);

    /** A write of element {@code index}; see {@link #readElement}. */
    int writeElement(ThreadState t, ElementStates.Page p, int index, int site, int base, int path, Object array);

    /** {@link #lastWrite(VarState)} of element {@code index}, whose state is in page {@code p}. */
    long[] lastWrite(ElementStates.Page p, int index);

    /** {@link #freeze(ThreadState, VarState)} of every element of an array. */
    void freeze(ThreadState t, ElementStates es);

    /** The variable's last write, for {@link #checkRead}: its epoch and path, read together. */
    long[] lastWrite(VarState v);

    /**
     * A read made earlier at call path {@code path} of variable {@code key} of {@code target} (a StampedLock optimistic
     * read, now validated) that saw the write {@code lastWrite} returned then: reports a race if t's clock does not
     * cover that write, and records nothing (see {@link OptimisticReads}). The read was made in epoch {@code since}
     * of t or later.
     */
    void checkRead(ThreadState t, int key, long[] write, int site, int path, Object target, int kind, long since);

    /** t acquires what was released into {@code s}: a lock, a volatile, a modelled synchronizer. */
    void acquire(ThreadState t, Shadow s);

    /** t releases into {@code s}. */
    void release(ThreadState t, Shadow s);

    /** t acquires from a synchronization variable that is not an object's own (a phase of a phaser). */
    void acquire(ThreadState t, SyncClock c);

    /** t releases into such a variable. */
    void release(ThreadState t, SyncClock c);

    /** t acquires from one volatile field ({@code key}) of the object or class {@code s} shadows. */
    void acquireField(ThreadState t, Shadow s, int key);

    /** t releases into one volatile field of the object or class {@code s} shadows. */
    void releaseField(ThreadState t, Shadow s, int key);

    /** t acquires from element {@code index} of the array {@code s} shadows (its elements are sync variables). */
    void acquireElement(ThreadState t, Shadow s, int index);

    /** t releases into element {@code index} of the array of {@code length} elements that {@code s} shadows. */
    void releaseElement(ThreadState t, Shadow s, int index, int length);

    /**
     * t takes the lock {@code s} shadows in {@code mode}, a critical section begins (or, taken again by its owner,
     * goes on). {@code path} is the call path of the application code's lock operation ({@code synchronized}, a
     * {@code lock()} call): such a critical section is the program's own; {@link #NO_PATH} for one taken by JDK code for
     * itself, which carries the JDK's own state. Happens-before treats every lock alike; the predictive detector
     * relaxes the order between the program's own critical sections that do not conflict. {@code owner} is the object
     * whose lock it is (the monitor's object, the {@code Lock}), for reports; never kept.
     */
    void lock(ThreadState t, Shadow s, int mode, int path, Object owner);

    /** t gives back one hold of the lock {@code s} shadows in {@code mode}; {@code path} as for {@link #lock}. */
    void unlock(ThreadState t, Shadow s, int mode, int path);

    /** t gives back the lock it holds in {@code mode}, every hold at once, to wait ({@code Object.wait}, {@code await}). */
    void waitRelease(ThreadState t, Shadow s, int mode);

    /** t holds the lock again after waiting, as many times as before {@link #waitRelease}. */
    void waitAcquire(ThreadState t, Shadow s, int mode);

    /** The static initializer of the class {@code s} shadows returned normally on t (JLS 12.4.2). */
    void classInitialized(ThreadState t, Shadow s);

    /**
     * t uses the class {@code s} shadows: it acquires the end of its static initializer. False while the initializer
     * has not finished (it is running on t): the caller looks again later.
     */
    boolean classUse(ThreadState t, Shadow s);

    /**
     * A final field referring to the object that has variable {@code v} was frozen by t's constructor (JLS 17.5): the
     * variable's last write is forgotten if it happens-before t (every thread that sees the object through the final
     * field sees it).
     */
    void freeze(ThreadState t, VarState v);

    /** Whether t holds the lock {@code s} shadows (as a critical section the detector follows). */
    default boolean holds(ThreadState t, Shadow s) {
        return false;
    }

    /** t has ended (its last event). */
    default void ended(ThreadState t) {
    }

    /** Before {@code child} runs: everything {@code parent} did so far happens-before it. */
    void fork(ThreadState parent, ThreadState child);

    /** {@code child} has ended and {@code t} knows it: everything child did happens-before t's next action. */
    void join(ThreadState t, ThreadState child);
}
