package dev.racecheck.agent.runtime.threads;

import java.util.Arrays;

/**
 * racecheck's state of one running thread: its vector clock and current epoch, and its shadow call stack.
 *
 * <p>Instrumented methods fetch it once on entry ({@link dev.racecheck.agent.runtime.RaceEvents#thread()}) and pass
 * it to every event of that method, so the hot path never looks up a thread-local. Only the owning thread mutates it, except
 * that the starting thread fills in a child's clock before the child runs.
 *
 * <p>The shadow call stack: {@code sites[i]} is the call site (class, method, line) that frame {@code i} is
 * currently executing a call from; frame {@code i} is the i-th instrumented method on the stack. Together with
 * the access site it identifies the call path of an access, interned by {@link CallPaths}. {@link CallPaths} may set
 * the sign bit of an entry ({@link CallPaths#MARK}) after a stack capture: the next call the frame makes writes its
 * site plain again, so a marked entry says the frame is still in the call it was in when the stack was captured.
 */
public final class ThreadState extends ThreadStatePadding {
    private static final int LEAF_CACHE = 256;

    public final int slot;
    public final ThreadRecord record;
    public final VectorClock clock;
    /** {@code clock[slot]@slot}, kept ready for the fast path. */
    public long epoch;
    /**
     * The test this thread works for ({@link dev.racecheck.agent.runtime.RaceCheck#enterTest}), inherited by threads
     * it starts; or null.
     */
    public volatile String testId;
    /**
     * This thread's part in schedule exploration ({@code schedule.ThreadSchedule}, a package above this one), or null
     * when it takes none; and the seed of that exploration, which the races this thread finds carry.
     */
    public Object schedule;
    public Long exploreSeed;
    /** Greater than zero while racecheck's own code runs on this thread: events are then ignored. */
    public int ignore;

    public int depth;
    public int[] sites = new int[32];

    /** Call-path nodes of the prefix {@code sites[0..i]} for i < pathValid, and the site each was computed from. */
    int[] pathNodes = new int[32];
    int[] pathSites = new int[32];
    int pathValid;
    /** Direct-mapped cache of (frame node, access site) to leaf node; made on the first slow-path access. */
    long[] leafKeys;
    int[] leafNodes;
    /**
     * For each marked entry {@code sites[i]}: the node, in the {@link StackTrie}, of the real stack from the thread's
     * outermost frame to frame {@code i} at that call site. Made at the thread's first capture.
     */
    int[] stackNodes;

    /*
     * Per-thread caches of shadow-map entries (ShadowMap.Entry, typed Object here: shadows are a package above this
     * one). An entry holds its object weakly and its shadow, which refers to no program object, so a cache keeps
     * nothing of the program alive: a thread that touched an array or lock and then idles forever (a pool worker, a
     * loop that only sleeps and calls System.gc()) makes no later event that could clear a strong reference, so
     * only a weak one is sound. A hit costs a load of the entry's referent and one compare
     * ({@code entry.refersTo(o)}); a cleared entry matches nothing, and the map drops its shadow after the next GC.
     */
    /** The entry of the array this thread accessed last: loops touch one array at a time. */
    public Object lastArray;
    /** Direct-mapped by identity hash: the entries of recent arrays (SOR reads three rows in turn). */
    public static final int ARRAY_CACHE = 16;
    /** An array's entry is in one of the ARRAY_WAYS slots from its hash's; the next one replaced rotates. */
    public static final int ARRAY_WAYS = 4;
    public int arrayVictim;
    public Object[] arrayEntries;
    /**
     * The {@link ElementFilter} of each entry of {@link #arrayEntries} (null when filters are off, {@code optimize=0};
     * made with the entries), and of {@link #lastArray}'s ({@link ElementFilter#OFF} when off).
     */
    public ElementFilter[] arrayFilters;
    public ElementFilter lastFilter = ElementFilter.OFF;
    /** The current filter generation (see {@link #filterMark}) and the epoch and clock version it belongs to. */
    private int generation;
    private int mark;
    private long markEpoch = Epoch.NONE;
    private int markClock;

    /** The entry of the last lock, or object whose volatile field this thread used (spin loops, lock loops). */
    public Object lastSync;

    /**
     * The state of the container this thread called last ({@code ContainerState}, a package above this one), which
     * knows its container weakly: a loop over one container skips the identity-map lookup, and nothing of the
     * program's is kept alive.
     */
    public Object lastContainer;
    /**
     * Between an entry set iterator's {@code next()} and its return: the state of its map, to link the entry it
     * returns to ({@code jdk.Containers.entryReturned}); null otherwise.
     */
    public Object pendingEntry;
    /**
     * The shadow-map entry ({@code ShadowMap.entry}: a weak reference that knows the shadow) of the map entry this
     * thread linked or used last: a loop's {@code getKey()} and {@code getValue()} follow its {@code next()}.
     */
    public Object lastEntry;

    /**
     * The StampedLock optimistic read in progress ({@code OptimisticReads}, a package above this one), if any; made on
     * the thread's first one. It holds the lock and what the window read weakly.
     */
    public Object optimistic;

    /**
     * The locks this thread holds and the lock it is about to block on ({@code locks.HeldLocks}, a package above this
     * one), for lock-order and deadlock detection; made on the thread's first lock operation.
     */
    public Object locks;

    /**
     * The concurrent collections (their shadows, typed Object: shadows are a package above) on whose behalf the JDK
     * code this thread runs works, innermost last: set around calls of a collection's helpers that cannot name it (a
     * static method, a traverser's advance()); see {@code CollectionEvents}. Made on first use; a helper that throws
     * leaves its entry behind, which the next calls overwrite from the bottom up (the depth never passes the array).
     */
    public Object[] owners;
    public int ownerDepth;

    /** Bit i set: this thread has acquired the end of the static initializer of the class with id i. */
    long[] initSeen = new long[2];

    /** The last clock value at which this thread's accesses were recorded (slow path only): see {@link Threads}. */
    long lastAccessClock;
    /** Set when the thread has ended and its slot was handed back. */
    boolean ended;
    /** Whether the thread has ended. */
    public boolean ended() {
        return ended;
    }

    /** The predictive detector's state of this thread ({@code predict.PThread}), or null: see {@code Config.predict}. */
    public Object predictive;

    /** The lease of this thread's slot, put in every variable state that records its epochs; dropped at its end. */
    public SlotLease lease;

    /**
     * @param firstClock the first clock value of this thread in its slot: 1 for a new slot, past every value the
     *                   slot's earlier occupants used for a reused one
     * @param lease      the slot's lease (null for a thread racecheck never analyses)
     */
    ThreadState(int slot, ThreadRecord record, VectorClock inherited, long firstClock, SlotLease lease) {
        this.slot = slot;
        this.lease = lease;
        this.record = record;
        this.clock = inherited == null ? new VectorClock() : new VectorClock(inherited);
        clock.set(slot, firstClock);
        epoch = Epoch.of(slot, firstClock);
    }

    /**
     * Starts a new epoch: called after every release, so later accesses are not covered by it. The clock's own
     * entry stays at the last epoch with an access ({@link #accessed}): releases with no access between them then
     * publish the same entry, so the clocks of the locks, counters and queues a thread releases into agree on it
     * and share their chunks (see {@link VectorClock}).
     */
    public void tick() {
        epoch = Epoch.of(slot, clock.get(slot) + 1);
    }

    /** An access is being recorded at the current epoch (slow path): the clock's own entry moves up to it. */
    public void accessed() {
        long c = Epoch.clock(epoch);
        if (lastAccessClock == c) return; // raised already in this epoch: the clock's own entry only grows
        if (clock.get(slot) < c) clock.set(slot, c);
        lastAccessClock = c;
    }

    /**
     * Direct-mapped cache: the version of each volatile field's clock this thread acquired last. The keys are
     * racecheck's own release clocks ({@code Shadow.FieldSync}), never program objects.
     */
    private Object[] acquiredSyncs;
    private long[] acquiredVersions;

    public boolean hasAcquired(Object sync, long version) {
        Object[] syncs = acquiredSyncs;
        if (syncs == null) return false;
        int i = System.identityHashCode(sync) & (syncs.length - 1);
        return syncs[i] == sync && acquiredVersions[i] == version;
    }

    public void markAcquired(Object sync, long version) {
        if (acquiredSyncs == null) {
            acquiredSyncs = new Object[64];
            acquiredVersions = new long[64];
        }
        int i = System.identityHashCode(sync) & (acquiredSyncs.length - 1);
        acquiredSyncs[i] = sync;
        acquiredVersions[i] = version;
    }

    /** The cache of recent arrays ({@link #arrayEntries}), with a filter for each entry when {@code filters}. */
    public Object[] makeArrayCache(Object[] entries, boolean filters) {
        if (filters) {
            ElementFilter[] f = new ElementFilter[ARRAY_CACHE];
            for (int i = 0; i < f.length; i++) f[i] = new ElementFilter();
            arrayFilters = f;
        }
        arrayEntries = entries;
        return entries;
    }

    /** Entry {@code i} of the array cache now holds a new array, of {@code length} elements. */
    public void arrayCached(int i, int length) {
        ElementFilter[] f = arrayFilters;
        if (f != null) f[i].reset(length);
    }

    /**
     * The mark of the current generation of this thread's {@link ElementFilter}s: a generation lasts while the
     * thread's epoch and vector clock stay the same (no release, no acquire) and no final-field freeze happens.
     */
    public int filterMark() {
        if (epoch == markEpoch && clock.version() == markClock) return mark;
        return newGeneration();
    }

    private int newGeneration() {
        if (++generation >= 1 << 29) { // the marks would repeat, or overflow with a filter's base: forget every stamp
            generation = 1;
            ElementFilter[] f = arrayFilters;
            if (f != null) {
                for (ElementFilter filter : f) filter.clear();
            }
        }
        markEpoch = epoch;
        markClock = clock.version();
        return mark = generation << 1;
    }

    /** Ends the filters' generation now (a final-field freeze changed what earlier accesses recorded). */
    public void endFilterGeneration() {
        markEpoch = Epoch.NONE;
    }

    void makeLeafCache() {
        leafNodes = new int[LEAF_CACHE];
        long[] keys = new long[LEAF_CACHE];
        Arrays.fill(keys, -1L);
        leafKeys = keys;
    }

    /** The thread has ended: only its clock (for joins) and record (for reports) are still needed. */
    void shrink() {
        lease = null; // the slot's lease now lives only as long as the variables holding this thread's epochs
        lastArray = null;
        arrayEntries = null;
        if (arrayFilters != null) {
            for (ElementFilter f : arrayFilters) f.release();
            arrayFilters = null;
        }
        lastFilter = ElementFilter.OFF;
        lastSync = null;
        optimistic = null;
        schedule = null;
        locks = null;
        acquiredSyncs = null;
        acquiredVersions = null;
        leafKeys = null;
        leafNodes = null;
        stackNodes = null;
        sites = new int[1];
        pathNodes = new int[0];
        pathSites = new int[0];
        pathValid = 0;
        depth = 0;
    }

    /** Whether the thread has ended (its slot was handed back). */
    public boolean hasEnded() {
        return ended;
    }

    public int push() {
        int base = depth;
        if (base + 1 >= sites.length) {
            sites = Arrays.copyOf(sites, sites.length * 2);
        }
        depth = base + 1;
        return base;
    }

    public boolean hasSeenInit(int classId) {
        int word = classId >>> 6;
        return word < initSeen.length && (initSeen[word] & (1L << classId)) != 0;
    }

    public void markInitSeen(int classId) {
        int word = classId >>> 6;
        if (word >= initSeen.length) initSeen = Arrays.copyOf(initSeen, Math.max(word + 1, initSeen.length * 2));
        initSeen[word] |= 1L << classId;
    }

    @Override
    public String toString() {
        return "ThreadState[T" + record.serial + " slot " + slot + " " + clock + "]";
    }
}
