package dev.racecheck.agent.runtime.shadow;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.ref.WeakReference;

import dev.racecheck.agent.runtime.threads.Threads;

/**
 * Object identity to {@link Shadow}, holding the objects weakly: a shadow dies with its object.
 *
 * <p>Each object has one {@link Entry} for as long as it lives: a weak reference to it and its shadow. Nothing in an
 * entry refers to the object strongly, and a shadow never refers to its object (nor to any program object), so an
 * entry never keeps its key alive. Callers may cache an entry ({@code ThreadState}'s last arrays and lock) and
 * compare {@code entry.refersTo(o)}: a cleared entry matches nothing, and once the GC has cleared an entry the map
 * drops its shadow ({@link #sweepAfterEachGc}), so a cached entry outlives its object by a few dozen bytes only.
 *
 * <p>Lookups take no lock: each stripe's bucket heads are read with acquire semantics and chains of {@link Node}s are
 * immutable (nodes are prepended; a change copies the prefix; the entries are shared, never copied). Inserts lock one
 * stripe. Entries whose objects are gone are unlinked from the bucket an insert touches, and all at once when a
 * stripe's table is rebuilt, which happens when its entries (live or not) pass a load factor; the rebuilt table is
 * sized by the live ones. A racecheck daemon thread ({@link #sweepAfterEachGc}) rebuilds the stripes once after
 * every GC, so entries the GC cleared do not wait for inserts. No ReferenceQueue: it holds cleared entries until
 * polled, and on JDK 21+ it locks with a ReentrantLock, which racecheck models (racecheck's own bookkeeping must
 * never order the program's threads).
 */
public final class ShadowMap {
    private static final int STRIPE_BITS = 6;
    private static final int STRIPES = 1 << STRIPE_BITS;
    private static final VarHandle BUCKET = MethodHandles.arrayElementVarHandle(Node[].class);

    private final Stripe[] stripes = new Stripe[STRIPES];
    private int nextClassId;

    public ShadowMap() {
        for (int i = 0; i < STRIPES; i++) stripes[i] = new Stripe();
    }

    /** The shadow of {@code o}, created on first use. */
    public Shadow get(Object o) {
        return entry(o).shadow;
    }

    /**
     * The entry of {@code o}, created on first use: the same one for as long as {@code o} lives. Its shadow is
     * {@code o}'s; a caller that keeps the entry checks {@code entry.refersTo(o)} before it uses the shadow again.
     */
    public Entry entry(Object o) {
        int h = mix(System.identityHashCode(o));
        Stripe s = stripes[h & (STRIPES - 1)];
        Node[] table = s.table;
        Node n = (Node) BUCKET.getAcquire(table, (h >>> STRIPE_BITS) & (table.length - 1));
        for (; n != null; n = n.next) {
            if (n.hash == h && n.entry.refersTo(o)) return n.entry;
        }
        return insert(s, o, h);
    }

    /** The shadow of {@code o} if it has one, else null; never creates one. */
    public Shadow peek(Object o) {
        int h = mix(System.identityHashCode(o));
        Stripe s = stripes[h & (STRIPES - 1)];
        Node[] table = s.table;
        Node n = (Node) BUCKET.getAcquire(table, (h >>> STRIPE_BITS) & (table.length - 1));
        for (; n != null; n = n.next) {
            if (n.hash == h && n.entry.refersTo(o)) return n.entry.shadow;
        }
        return null;
    }

    private Entry insert(Stripe s, Object o, int h) {
        int classId = o instanceof Class ? newClassId() : -1;
        synchronized (s) {
            Node[] table = s.table;
            int i = (h >>> STRIPE_BITS) & (table.length - 1);
            Node head = (Node) BUCKET.getAcquire(table, i);
            for (Node n = head; n != null; n = n.next) {
                if (n.hash == h && n.entry.refersTo(o)) return n.entry;
            }
            if (s.count + 1 > table.length - (table.length >>> 2)) {
                table = s.rebuild();
                i = (h >>> STRIPE_BITS) & (table.length - 1);
                head = (Node) BUCKET.getAcquire(table, i);
            } else {
                head = s.withoutCleared(table, i, head);
            }
            Entry entry = new Entry(o, new Shadow(classId));
            BUCKET.setRelease(table, i, new Node(h, entry, head));
            s.count++;
            return entry;
        }
    }

    private synchronized int newClassId() {
        return nextClassId++;
    }

    /**
     * Runs on racecheck's cleaner thread: a weakly held canary is cleared by every GC; each time it is, the stripes
     * are rebuilt without the entries that GC cleared, so their shadows go at once, not at the next inserts; and the
     * thread slots whose leases that GC collected are retired ({@link Threads#retireCollected}); then
     * {@code afterEachGc}, if any, runs (the lock-order graph drops the locks that GC collected). Every cleared entry
     * lets go of its shadow at once, rebuilt or not, so an entry a thread still caches holds no shadow of a dead object.
     * An OutOfMemoryError (the program filled the heap) skips a sweep; the thread never dies of one, nor says so.
     */
    public void sweepAfterEachGc(Runnable afterEachGc) throws InterruptedException {
        WeakReference<Object> canary = new WeakReference<>(new Object());
        while (true) {
            // At most five sweeps a second: a rebuild allocates, and allocation brings the next GC.
            Thread.sleep(200);
            if (canary.get() != null) continue;
            try {
                sweep();
                canary = new WeakReference<>(new Object());
                Threads.retireCollected();
                if (afterEachGc != null) afterEachGc.run();
            } catch (OutOfMemoryError e) {
                // the next GC tries again
            }
        }
    }

    /** Drops the shadows of the entries the GC has cleared, and rebuilds the stripes where they are a good share. */
    void sweep() {
        for (Stripe s : stripes) {
            synchronized (s) {
                // Only stripes where the GC cleared a good share: counting allocates nothing, rebuilding does.
                if (s.dropClearedShadows() * 4 > s.count) s.rebuild();
            }
        }
    }

    /** {live entries, entries whose object is gone but not yet unlinked}; for diagnostics. */
    public long[] census() {
        long live = 0;
        long dead = 0;
        for (Stripe s : stripes) {
            synchronized (s) {
                for (Node head : s.table) {
                    for (Node n = head; n != null; n = n.next) {
                        if (n.entry.refersTo(null)) dead++;
                        else live++;
                    }
                }
            }
        }
        return new long[] {live, dead};
    }

    /** Spreads identity hashes, which are often clustered, over stripes and buckets. */
    private static int mix(int h) {
        h *= 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    /**
     * One object's shadow, and the object, weakly. The shadow is dropped (set to null) once the GC has cleared the
     * object; it is read only after {@code refersTo(o)} held for an object {@code o} the reader holds, so it cannot
     * have been dropped then (a cleared entry never refers to an object again). Identity checks use
     * {@code refersTo}, not {@code get()}: no keep-alive barrier, so a look at an entry never makes its object live
     * for the GC cycle in progress, and the compare is cheaper.
     */
    public static final class Entry extends WeakReference<Object> {
        private Shadow shadow;

        Entry(Object key, Shadow shadow) {
            super(key);
            this.shadow = shadow;
        }

        /** The object's shadow; call only once {@code refersTo(o)} held for the object {@code o}. */
        public Shadow shadow() {
            return shadow;
        }
    }

    /** A link of a bucket's immutable chain. */
    private static final class Node {
        final int hash;
        final Entry entry;
        final Node next;

        Node(int hash, Entry entry, Node next) {
            this.hash = hash;
            this.entry = entry;
            this.next = next;
        }
    }

    private static final class Stripe {
        volatile Node[] table = new Node[16];
        /** Entries in the table, live or cleared. Guarded by this. */
        int count;

        /**
         * Drops the shadows of the entries whose objects the GC has cleared, and counts those entries (allocates
         * nothing). Caller holds the stripe lock.
         */
        int dropClearedShadows() {
            int cleared = 0;
            for (Node head : table) {
                for (Node n = head; n != null; n = n.next) {
                    if (n.entry.refersTo(null)) {
                        n.entry.shadow = null;
                        cleared++;
                    }
                }
            }
            return cleared;
        }

        /**
         * A new table holding only the live entries, twice as large as they need. Caller holds the stripe lock.
         * Readers still on the old table see consistent (older) chains.
         */
        Node[] rebuild() {
            Node[] old = table;
            int live = 0;
            for (Node head : old) {
                for (Node n = head; n != null; n = n.next) {
                    if (!n.entry.refersTo(null)) live++;
                }
            }
            int length = 16;
            while (length - (length >>> 2) < (live + 1) * 2) length <<= 1;
            Node[] fresh = new Node[length];
            for (Node head : old) {
                for (Node n = head; n != null; n = n.next) {
                    if (n.entry.refersTo(null)) {
                        n.entry.shadow = null;
                        continue;
                    }
                    int i = (n.hash >>> STRIPE_BITS) & (length - 1);
                    fresh[i] = new Node(n.hash, n.entry, fresh[i]);
                }
            }
            count = live;
            VarHandle.releaseFence();
            table = fresh;
            return fresh;
        }

        /** The chain at {@code i} without its cleared entries (the live ones in front are copied). Caller holds the lock. */
        Node withoutCleared(Node[] t, int i, Node head) {
            boolean anyCleared = false;
            for (Node n = head; n != null; n = n.next) {
                if (n.entry.refersTo(null)) {
                    anyCleared = true;
                    break;
                }
            }
            if (!anyCleared) return head;
            Node rebuilt = null;
            int kept = 0;
            int total = 0;
            for (Node n = head; n != null; n = n.next) {
                total++;
                if (n.entry.refersTo(null)) {
                    n.entry.shadow = null;
                    continue;
                }
                rebuilt = new Node(n.hash, n.entry, rebuilt);
                kept++;
            }
            count -= total - kept;
            BUCKET.setRelease(t, i, rebuilt);
            return rebuilt;
        }
    }
}
