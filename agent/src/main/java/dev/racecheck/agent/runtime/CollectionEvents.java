package dev.racecheck.agent.runtime;

import static dev.racecheck.agent.runtime.analysis.Analysis.CURRENT;
import static dev.racecheck.agent.runtime.analysis.Analysis.DETECTOR;
import static dev.racecheck.agent.runtime.analysis.Analysis.SHADOWS;

import java.util.concurrent.locks.ReentrantLock;

import dev.racecheck.agent.runtime.analysis.Analysis;
import dev.racecheck.agent.runtime.report.Internal;
import dev.racecheck.agent.runtime.shadow.HandOffs;
import dev.racecheck.agent.runtime.shadow.Shadow;
import dev.racecheck.agent.runtime.shadow.SyncClock;
import dev.racecheck.agent.runtime.threads.ThreadState;

/**
 * Hand-offs through the JDK's concurrent collections, keyed by (collection, element) (see {@link HandOffs}): hooks in
 * the collections' code ({@code JdkModel}) call these. A placing releases into the element's clock of that
 * collection, where the element becomes visible (before the publishing write, or under the lock a lock-based queue's
 * takers take); whoever gets the element out of that collection, by whichever path (a take, a peek, an iterator, a
 * spliterator, a bulk operation: every load of an element in the collection's code), acquires it; a take from a queue
 * also counts the placing off.
 *
 * <p>Code that gets elements out but cannot name its collection is told it: an iterator, spliterator or task that
 * holds no reference to it is bound to it when made ({@link #bind}); a static helper or a traverser's advance() runs
 * with its caller's collection pushed on the thread ({@link #enterOwner}). Racecheck's state refers to collections
 * only through their shadows, and to elements weakly.
 */
public final class CollectionEvents {
    private CollectionEvents() {
        // no instances
    }

    // ---- placing ---------------------------------------------------------------------------------------------

    /** {@code element} is placed in {@code collection} (it is not visible to another thread yet). */
    public static void handOff(Object element, Object collection) {
        if (!Analysis.enabled || collection == null) return;
        ThreadState ts = CURRENT.get();
        if (ts.ignore != 0) return;
        try {
            DETECTOR.release(ts, SHADOWS.get(collection).handOffs().placing(element));
        } catch (Throwable e) {
            Internal.error("modelling a hand-off", e);
        }
    }

    /** A map entry is placed: its key and its value. */
    public static void handOffPair(Object key, Object value, Object map) {
        handOff(key, map);
        handOff(value, map);
    }

    /** A lock-based deque linked the element in ({@code linked} is the link method's result; false: it was full). */
    public static void handOffIf(int linked, Object element, Object collection) {
        if (linked != 0) handOff(element, collection);
    }

    /**
     * Each element of an array or JDK collection, or the keys and values of a JDK map, is placed (a bulk add that
     * copies them itself). Racecheck calls no method of a collection class of the program's own: those are not seen.
     */
    public static void handOffEach(Object elements, Object collection) {
        Object[] all = RaceEvents.elements(elements);
        if (all == null) return;
        for (Object e : all) handOff(e, collection);
    }

    // ---- getting out -----------------------------------------------------------------------------------------

    /** {@code element} was got out of {@code collection}: what its placings there released is acquired. */
    public static void takeOver(Object element, Object collection) {
        if (!Analysis.enabled || collection == null) return;
        try {
            acquire(find(SHADOWS.peek(collection), element));
        } catch (Throwable e) {
            Internal.error("modelling a hand-off", e);
        }
    }

    /** containsKey(k) returned {@code found}: k was got out. */
    public static void takeOverIf(int found, Object element, Object collection) {
        if (found != 0) takeOver(element, collection);
    }

    /**
     * {@code element} was taken out of the queue (or exchanger) {@code collection}: acquired, and one placing counted
     * off. A poll that found nothing takes out null, which a queue never holds.
     */
    public static void takeOut(Object element, Object collection) {
        if (!Analysis.enabled || collection == null) return;
        try {
            Shadow s = SHADOWS.peek(collection);
            HandOffs h = s == null ? null : s.handOffsIfAny();
            if (h == null) return;
            ThreadState ts = CURRENT.get();
            if (ts.ignore != 0) return;
            SyncClock c = h.takenOut(element);
            if (c != null) DETECTOR.acquire(ts, c);
        } catch (Throwable e) {
            Internal.error("modelling a hand-off", e);
        }
    }

    /** Every element of an array or JDK collection was got out of {@code collection} (toArray, a snapshot). */
    public static void takeOverEach(Object elements, Object collection) {
        if (!Analysis.enabled || collection == null) return;
        Object[] all = RaceEvents.elements(elements);
        if (all == null) return;
        Shadow s = SHADOWS.peek(collection);
        if (s == null || s.handOffsIfAny() == null) return;
        try {
            for (Object e : all) acquire(find(s, e));
        } catch (Throwable e) {
            Internal.error("modelling a hand-off", e);
        }
    }

    /**
     * An element loaded by an iterator, spliterator or task bound to its collection when it was made ({@link #bind});
     * nothing when it was not (one made before racecheck started).
     */
    public static void takeOverBound(Object element, Object nested) {
        if (!Analysis.enabled || nested == null) return;
        try {
            Shadow n = SHADOWS.peek(nested);
            acquire(find(n == null ? null : n.boundTo(), element));
        } catch (Throwable e) {
            Internal.error("modelling a hand-off", e);
        }
    }

    /** An element loaded by a static helper or a traverser, on behalf of the collection its caller pushed. */
    public static void takeOverInContext(Object element) {
        if (!Analysis.enabled) return;
        ThreadState ts = CURRENT.get();
        if (ts.ignore != 0 || ts.ownerDepth == 0) return;
        try {
            acquire(find((Shadow) ts.owners[ts.ownerDepth - 1], element));
        } catch (Throwable e) {
            Internal.error("modelling a hand-off", e);
        }
    }

    /**
     * A ConcurrentHashMap node handed out by a traversal (Traverser.advance()), for the map its caller pushed: its key
     * and its value.
     */
    public static void takeOverEntryInContext(Object node) {
        if (!(node instanceof java.util.Map.Entry) || node.getClass().getClassLoader() != null) return;
        java.util.Map.Entry<?, ?> e = (java.util.Map.Entry<?, ?>) node;
        takeOverInContext(e.getKey());
        takeOverInContext(e.getValue());
    }

    private static SyncClock find(Shadow collection, Object element) {
        HandOffs h = collection == null ? null : collection.handOffsIfAny();
        return h == null ? null : h.find(element);
    }

    private static void acquire(SyncClock c) {
        if (c == null) return;
        ThreadState ts = CURRENT.get();
        if (ts.ignore == 0) DETECTOR.acquire(ts, c);
    }

    // ---- who gets elements out for which collection ----------------------------------------------------------

    /** {@code nested} (an iterator, spliterator or task just made) gets its elements from {@code collection}. */
    public static void bind(Object nested, Object collection) {
        if (!Analysis.enabled || nested == null || collection == null) return;
        ThreadState ts = CURRENT.get();
        if (ts.ignore != 0) return;
        try {
            SHADOWS.get(nested).bindTo(SHADOWS.get(collection));
        } catch (Throwable e) {
            Internal.error("modelling a hand-off", e);
        }
    }

    /** {@code nested} was made by {@code maker} (a spliterator's split, a subtask): the same collection. */
    public static void bindLike(Object nested, Object maker) {
        if (!Analysis.enabled || nested == null || maker == null) return;
        ThreadState ts = CURRENT.get();
        if (ts.ignore != 0) return;
        try {
            Shadow m = SHADOWS.peek(maker);
            Shadow owner = m == null ? null : m.boundTo();
            if (owner != null) SHADOWS.get(nested).bindTo(owner);
        } catch (Throwable e) {
            Internal.error("modelling a hand-off", e);
        }
    }

    /** Before a call of a helper that cannot name its collection: {@code collection} is the one it works for. */
    public static void enterOwner(Object collection) {
        if (!Analysis.enabled) return;
        ThreadState ts = CURRENT.get();
        if (ts.ignore != 0) return;
        push(ts, collection == null ? null : SHADOWS.get(collection));
    }

    /** The same, for a caller bound to its collection ({@link #bind}). */
    public static void enterOwnerOf(Object nested) {
        if (!Analysis.enabled) return;
        ThreadState ts = CURRENT.get();
        if (ts.ignore != 0) return;
        Shadow n = nested == null ? null : SHADOWS.peek(nested);
        push(ts, n == null ? null : n.boundTo());
    }

    /** After that call returned. */
    public static void exitOwner() {
        if (!Analysis.enabled) return;
        ThreadState ts = CURRENT.get();
        if (ts.ignore != 0 || ts.ownerDepth == 0) return;
        ts.owners[--ts.ownerDepth] = null;
    }

    private static void push(ThreadState ts, Shadow owner) {
        Object[] owners = ts.owners;
        if (owners == null) owners = ts.owners = new Object[16];
        // A helper that threw left its entry: past the end, start again from the bottom (the stack is only ever read
        // at its top, which the pushes of the calls in progress set).
        if (ts.ownerDepth == owners.length) ts.ownerDepth = 0;
        owners[ts.ownerDepth++] = owner;
    }

    // ---- a lock-based queue's own lock and counter -----------------------------------------------------------

    /**
     * A lock-based queue was made: its lock is its own, and orders nothing for the program (the queue's javadoc
     * promises an edge from placing an element to taking it, not through its lock: a failed poll, a peek that finds
     * nothing, a failed contains or remove(o), a full offer order nothing). Its conditions wait on the same sync.
     */
    public static void internalLock(Object lock) {
        if (!Analysis.enabled || !(lock instanceof ReentrantLock)) return;
        ThreadState ts = CURRENT.get();
        if (ts.ignore != 0) return;
        ts.ignore++; // reflection runs JDK code the model hooks: not the program's
        try {
            Object sync = LockSync.FIELD == null ? null : LockSync.FIELD.get(lock);
            if (sync != null) SHADOWS.get(sync).markInternal();
        } catch (Throwable e) {
            Internal.error("marking a queue's lock", e);
        } finally {
            ts.ignore--;
        }
    }

    /** {@code ReentrantLock.sync}, readable once the agent has opened java.util.concurrent.locks to racecheck. */
    private static final class LockSync {
        static final java.lang.reflect.Field FIELD = field();

        private static java.lang.reflect.Field field() {
            try {
                java.lang.reflect.Field f = ReentrantLock.class.getDeclaredField("sync");
                f.setAccessible(true);
                return f;
            } catch (ReflectiveOperationException | RuntimeException e) {
                return null; // not opened to racecheck: the queues' locks stay modelled (edges too many, none missing)
            }
        }
    }

    /** A lock-based queue's own counter (LinkedBlockingQueue.count): its reads and updates order nothing either. */
    public static void internalCounter(Object counter) {
        if (!Analysis.enabled || counter == null) return;
        try {
            SHADOWS.get(counter).markInternal();
        } catch (Throwable e) {
            Internal.error("marking a queue's counter", e);
        }
    }

}
