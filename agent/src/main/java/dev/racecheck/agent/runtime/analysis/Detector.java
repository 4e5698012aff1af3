package dev.racecheck.agent.runtime.analysis;

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

    void read(ThreadState t, VarState v, int site, int base, Object target, int kind);

    void write(ThreadState t, VarState v, int site, int base, Object target, int kind);

    /** The variable's last write, for {@link #checkRead}: its epoch and path, read together. */
    long[] lastWrite(VarState v);

    /**
     * A read made earlier at call path {@code path} of variable {@code key} of {@code target} (a StampedLock optimistic
     * read, now validated) that saw the write {@code lastWrite} returned then: reports a race if t's clock does not
     * cover that write, and records nothing (see {@link OptimisticReads}).
     */
    void checkRead(ThreadState t, int key, long[] write, int site, int path, Object target, int kind);

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

    /** Before {@code child} runs: everything {@code parent} did so far happens-before it. */
    void fork(ThreadState parent, ThreadState child);

    /** {@code child} has ended and {@code t} knows it: everything child did happens-before t's next action. */
    void join(ThreadState t, ThreadState child);
}
