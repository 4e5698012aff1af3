package dev.racecheck.agent.runtime;

import java.util.Arrays;

/**
 * Everything racecheck knows about one object, array or class: the FastTrack state of its fields or elements,
 * and its synchronization clock (monitor, volatile fields, modelled JDK synchronizers).
 *
 * <p>Field states are found by a linear scan of a copy-on-write array: objects have few fields that are
 * actually shared, and the scan needs no lock. Array element states sit at their index.
 */
final class Shadow {
    private static final VarState[] NO_VARS = new VarState[0];

    /** Field states (objects, classes) or element states by index (arrays); replaced, never mutated in place, for fields. */
    private volatile VarState[] vars = NO_VARS;
    /** Release clock of this object as a lock / volatile / synchronizer; guarded by this. */
    private VectorClock sync;
    /** Per volatile field (by sync key): its release clock. Guarded by this; few per object. */
    private int[] fieldSyncKeys;
    private VectorClock[] fieldSyncs;
    /** For a Class: the clock at the end of its static initializer, or null until then. Guarded by this. */
    private VectorClock initialized;
    /** For a Thread: racecheck's state of that thread (set when it is started or first seen). */
    volatile ThreadState thread;
    /** For a Class: a small dense id for the per-thread "has seen this class initialized" bit set. */
    final int classId;

    Shadow(int classId) {
        this.classId = classId;
    }

    /** The state of field {@code key} of this object. */
    VarState field(int key) {
        VarState[] vs = vars;
        for (VarState v : vs) {
            if (v.key == key) return v;
        }
        return addField(key);
    }

    private synchronized VarState addField(int key) {
        VarState[] vs = vars;
        for (VarState v : vs) {
            if (v.key == key) return v;
        }
        VarState v = new VarState(key);
        VarState[] grown = Arrays.copyOf(vs, vs.length + 1);
        grown[vs.length] = v;
        vars = grown;
        return v;
    }

    /** The state of element {@code index} of this array of {@code length} elements. */
    VarState element(int index, int length) {
        VarState[] vs = vars;
        if (index < vs.length) {
            VarState v = vs[index];
            if (v != null) return v;
        }
        return addElement(index, length);
    }

    private synchronized VarState addElement(int index, int length) {
        VarState[] vs = vars;
        if (vs.length < length) {
            vs = Arrays.copyOf(vs, length);
            vars = vs;
        }
        VarState v = vs[index];
        if (v == null) {
            v = new VarState(index);
            vs[index] = v;
        }
        return v;
    }

    /** Acquire: the thread's clock joins this object's release clock. */
    synchronized void acquireInto(VectorClock threadClock) {
        if (sync != null) threadClock.acquire(sync);
    }

    /** Release: this object's release clock joins the thread's clock. */
    synchronized void releaseFrom(VectorClock threadClock) {
        if (sync == null) sync = new VectorClock(threadClock);
        else sync.acquire(threadClock);
    }

    /** Acquire from one volatile field of this object (or class): a volatile is a synchronization variable of its own. */
    synchronized void acquireField(int key, VectorClock threadClock) {
        VectorClock vc = fieldSync(key, false);
        if (vc != null) threadClock.acquire(vc);
    }

    synchronized void releaseField(int key, VectorClock threadClock) {
        fieldSync(key, true).acquire(threadClock);
    }

    private VectorClock fieldSync(int key, boolean create) {
        if (fieldSyncKeys != null) {
            for (int i = 0; i < fieldSyncKeys.length; i++) {
                if (fieldSyncKeys[i] == key) return fieldSyncs[i];
            }
        }
        if (!create) return null;
        int n = fieldSyncKeys == null ? 0 : fieldSyncKeys.length;
        fieldSyncKeys = fieldSyncKeys == null ? new int[1] : Arrays.copyOf(fieldSyncKeys, n + 1);
        fieldSyncs = fieldSyncs == null ? new VectorClock[1] : Arrays.copyOf(fieldSyncs, n + 1);
        fieldSyncKeys[n] = key;
        fieldSyncs[n] = new VectorClock();
        return fieldSyncs[n];
    }

    /** For a field updater or VarHandle: the sync key of the field it works on, or -1. */
    volatile int updaterField = -1;

    synchronized void markInitialized(VectorClock threadClock) {
        initialized = new VectorClock(threadClock);
    }

    /** Joins the end of the class's static initializer into the clock; false while it has not finished. */
    synchronized boolean acquireInitialized(VectorClock threadClock) {
        if (initialized == null) return false;
        threadClock.acquire(initialized);
        return true;
    }
}
