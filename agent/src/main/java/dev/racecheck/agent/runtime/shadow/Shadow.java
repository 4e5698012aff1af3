package dev.racecheck.agent.runtime.shadow;

import java.util.Arrays;

import dev.racecheck.agent.runtime.threads.ThreadState;
import dev.racecheck.agent.runtime.threads.VectorClock;

/**
 * Everything racecheck knows about one object, array or class: the FastTrack state of its fields or elements,
 * and its synchronization clock (monitor, volatile fields, modelled JDK synchronizers).
 *
 * <p>Field states are found by a linear scan of a copy-on-write array: objects have few fields that are
 * actually shared, and the scan needs no lock. Array element states sit at their index.
 */
public final class Shadow {
    private static final VarState[] NO_VARS = new VarState[0];

    /** Field states (objects, classes) or element states by index (arrays); replaced, never mutated in place, for fields. */
    private volatile VarState[] vars = NO_VARS;
    /** Release clock of this object as a lock / volatile / synchronizer; guarded by this. */
    private VectorClock sync;
    /** Per volatile field: its release clock. The array is replaced, never changed in place, so reads need no lock. */
    private volatile FieldSync[] fieldSyncs = NO_SYNCS;
    private static final FieldSync[] NO_SYNCS = new FieldSync[0];

    /** The release clock of one volatile field, and how many releases it has seen. */
    static final class FieldSync {
        final int key;
        /** Guarded by the Shadow. */
        final VectorClock clock = new VectorClock();
        /** Raised, under the Shadow's monitor, by every release: an unchanged version means nothing new to acquire. */
        volatile long version;

        FieldSync(int key) {
            this.key = key;
        }
    }

    /** For a Class: the clock at the end of its static initializer, or null until then. Guarded by this. */
    private VectorClock initialized;
    /** For a Thread: racecheck's state of that thread (set when it is started or first seen). */
    public volatile ThreadState thread;
    /**
     * The predictive detector's state of this object as a lock and synchronization variable ({@code predict.PSync}),
     * or null; set once (see {@code Config.predict}). Refers to no program object.
     */
    public volatile Object predictive;
    /** For a Class: a small dense id for the per-thread "has seen this class initialized" bit set. */
    public final int classId;

    Shadow(int classId) {
        this.classId = classId;
    }

    /** The state of field {@code key} of this object. */
    public VarState field(int key) {
        VarState[] vs = vars;
        for (VarState v : vs) {
            if (v.key == key) return v;
        }
        return addField(key);
    }

    /**
     * The state of variable {@code key} of this object, which holds a container's data: made a {@link ContainerState}
     * naming {@code named} (the container the program called) the first time.
     */
    public ContainerState container(int key, Object holder, Object named, boolean everyCallWrites) {
        ContainerState c = existingContainer(key);
        return c != null ? c : addContainer(key, holder, named, everyCallWrites);
    }

    /** The container state {@code key} of this object, or null. */
    public ContainerState existingContainer(int key) {
        for (VarState v : vars) {
            if (v.key == key && v instanceof ContainerState c) return c;
        }
        return null;
    }

    private synchronized ContainerState addContainer(int key, Object holder, Object named, boolean everyCallWrites) {
        VarState[] vs = vars;
        for (VarState v : vs) {
            if (v.key == key && v instanceof ContainerState c) return c;
        }
        ContainerState v = new ContainerState(key, holder, named, everyCallWrites);
        VarState[] grown = Arrays.copyOf(vs, vs.length + 1);
        grown[vs.length] = v;
        vars = grown;
        return v;
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

    /**
     * A final field referring to this object or array was frozen (JLS 17.5): its writes that happen-before the
     * freeze ({@code clock}) are forgotten, every thread being guaranteed to see them.
     */
    public void forgetWritesBefore(VectorClock clock) {
        for (VarState v : vars) {
            if (v != null) v.forgetWriteBefore(clock);
        }
    }

    /** The states of this object's fields or elements (an array element's may be null); never changed in place. */
    public VarState[] states() {
        return vars;
    }

    /**
     * The packed states of this array's elements ({@link ElementStates}), made on the first element access. The
     * predictive detector keeps a {@link VarState} per element instead ({@link #element}): it reads them. Plain, read on
     * every element access: an ElementStates is safe to publish through a race (its fields are final), and a thread
     * that sees null takes the monitor and finds the one made.
     */
    private ElementStates elements;

    /** This array's {@link ElementStates}. */
    public ElementStates elements(Object array) {
        ElementStates es = elements;
        return es != null ? es : newElements(array);
    }

    /** The array's ElementStates if any element was ever accessed, else null. */
    public ElementStates existingElements() {
        return elements;
    }

    private synchronized ElementStates newElements(Object array) {
        if (elements == null) elements = new ElementStates(java.lang.reflect.Array.getLength(array));
        return elements;
    }

    /** The state of element {@code index} of this array, or null when the index is out of bounds. */
    public VarState element(int index, Object array) {
        VarState[] vs = vars;
        if (index >= 0 && index < vs.length) {
            VarState v = vs[index];
            if (v != null) return v;
        }
        int length = java.lang.reflect.Array.getLength(array);
        if (index < 0 || index >= length) return null;
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
    public synchronized void acquireInto(VectorClock threadClock) {
        if (sync != null) threadClock.acquire(sync);
    }

    /** Release: this object's release clock joins the thread's clock. */
    public synchronized void releaseFrom(VectorClock threadClock) {
        if (sync == null) sync = new VectorClock(threadClock);
        else sync.receive(threadClock);
    }

    /**
     * Acquire from one volatile field of this object (or class): a volatile is a synchronization variable of its own.
     * Fast path: a thread that already acquired this field's current version has nothing new to join (reading an
     * unchanged volatile in a loop is common, and was a locked vector-clock join per read).
     */
    public void acquireField(int key, ThreadState ts) {
        FieldSync fs = fieldSync(key);
        if (fs == null) return;
        long version = fs.version;
        if (ts.hasAcquired(fs, version)) return;
        synchronized (this) {
            ts.clock.acquire(fs.clock);
            version = fs.version;
        }
        ts.markAcquired(fs, version);
    }

    public synchronized void releaseField(int key, VectorClock threadClock) {
        FieldSync fs = fieldSync(key);
        if (fs == null) {
            FieldSync[] old = fieldSyncs;
            FieldSync[] grown = Arrays.copyOf(old, old.length + 1);
            fs = new FieldSync(key);
            grown[old.length] = fs;
            fieldSyncs = grown;
        }
        fs.clock.receive(threadClock);
        fs.version++;
    }

    private FieldSync fieldSync(int key) {
        for (FieldSync fs : fieldSyncs) {
            if (fs.key == key) return fs;
        }
        return null;
    }

    /**
     * For a JDK object the model keeps more of than one clock, one of: a phaser root's {@link PhaseClocks}; a
     * concurrent collection's {@link HandOffs}; for an iterator, spliterator or task of a concurrent collection that
     * cannot reach its collection, that collection's shadow ({@link #bindTo}); {@link #INTERNAL} for a lock or counter
     * a JDK collection keeps to itself. Racecheck's own objects only, never one of the program's.
     */
    private volatile Object model;

    /** {@link #model} of a lock or atomic that is a JDK collection's own: its operations are no synchronization. */
    private static final Object INTERNAL = new Object();

    /** The per-phase clocks of the phaser tree whose root this shadows. */
    public PhaseClocks phases() {
        Object m = model;
        if (m instanceof PhaseClocks p) return p;
        synchronized (this) {
            if (!(model instanceof PhaseClocks)) model = new PhaseClocks();
            return (PhaseClocks) model;
        }
    }

    /** The hand-offs of the concurrent collection this shadows, made on its first placing. */
    public HandOffs handOffs() {
        Object m = model;
        if (m instanceof HandOffs h) return h;
        synchronized (this) {
            if (!(model instanceof HandOffs)) model = new HandOffs();
            return (HandOffs) model;
        }
    }

    /** The hand-offs of the collection this shadows, or null when nothing was ever placed in it. */
    public HandOffs handOffsIfAny() {
        return model instanceof HandOffs h ? h : null;
    }

    /** This object (an iterator, spliterator, task) gets its elements from the collection {@code owner} shadows. */
    public void bindTo(Shadow owner) {
        model = owner;
    }

    /** The shadow of the collection this object was bound to, or null. */
    public Shadow boundTo() {
        return model instanceof Shadow s ? s : null;
    }

    /** This lock or counter is a JDK collection's own: acquires and releases of it are not the program's. */
    public void markInternal() {
        model = INTERNAL;
    }

    public boolean internal() {
        return model == INTERNAL;
    }

    /** For a field updater: the sync key of the field it works on, or -1. */
    public volatile int updaterField = -1;
    /**
     * What racecheck models this object as, or null: for a VarHandle, a {@code Field} or a field's getter or setter
     * method handle, the field or array elements it accesses ({@code VarHandles.Target}, a package above this one);
     * for a map entry handed out by an entry iterator, the {@link ContainerState} of its map (a state, never the map:
     * an entry the program keeps must not keep its map alive); for a synchronized wrapper, a mark that the program
     * uses it ({@code jdk.Containers}).
     */
    public volatile Object modelledAs;
    /**
     * For an object used as a lock: its node in the lock-order graph ({@code locks.LockNode}, a package above this
     * one), made on its first acquisition; the node holds the object only weakly.
     */
    public volatile Object lockNode;

    /**
     * Per element index of an array whose elements are used as synchronization variables (VarHandle acquire/release
     * modes, the arrays inside AtomicIntegerArray and its kin): each element's release clock. Indexed, so a large
     * atomic array costs no search; replaced, never changed in place, so reads need no lock.
     */
    private volatile FieldSync[] elementSyncs = NO_SYNCS;

    /**
     * Acquire from element {@code index}; the same fast path as {@link #acquireField}. The array slot is read without
     * a lock: an acquire that matters follows the program's own release/acquire pair, which orders it after the
     * release that filled the slot.
     */
    public void acquireElement(int index, ThreadState ts) {
        FieldSync[] syncs = elementSyncs;
        FieldSync fs = index < syncs.length ? syncs[index] : null;
        if (fs == null) return;
        long version = fs.version;
        if (ts.hasAcquired(fs, version)) return;
        synchronized (this) {
            ts.clock.acquire(fs.clock);
            version = fs.version;
        }
        ts.markAcquired(fs, version);
    }

    /** Release into element {@code index} of an array of {@code length} elements (0 <= index < length). */
    public synchronized void releaseElement(int index, int length, VectorClock threadClock) {
        FieldSync[] syncs = elementSyncs;
        if (index >= syncs.length) {
            // Grown by doubling up to the array's length: an array used at a few low indexes stays small.
            syncs = Arrays.copyOf(syncs, Math.min(length, Math.max(index + 1, syncs.length * 2)));
            elementSyncs = syncs;
        }
        FieldSync fs = syncs[index];
        if (fs == null) {
            fs = new FieldSync(index);
            syncs[index] = fs;
        }
        fs.clock.receive(threadClock);
        fs.version++;
    }

    public synchronized void markInitialized(VectorClock threadClock) {
        initialized = new VectorClock(threadClock);
    }

    /** Joins the end of the class's static initializer into the clock; false while it has not finished. */
    public synchronized boolean acquireInitialized(VectorClock threadClock) {
        if (initialized == null) return false;
        threadClock.acquire(initialized);
        return true;
    }
}
