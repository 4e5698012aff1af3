package dev.racecheck.agent.runtime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.ref.WeakReference;

/**
 * Object identity to {@link Shadow}, holding the objects weakly: a shadow dies with its object.
 *
 * <p>Lookups take no lock: bucket heads and links are read with acquire semantics. Inserts and removals lock one
 * stripe; an insert prepends, a removal unlinks an entry in place (its own link is left as it was, so a reader
 * standing on it still reaches the rest of the chain). Only entries whose objects are gone are ever removed, so a
 * reader that still sees one finds the same shadows as one that does not.
 *
 * <p>An entry whose object the GC has cleared still holds the shadow, and the shadow its clocks, until it is
 * unlinked; whatever survives a GC that way is copied and, sooner or later, promoted, and is then freed only by an
 * old-generation collection. So a racecheck daemon thread ({@link #sweepAfterEachGc}) unlinks cleared entries right
 * after every GC, without allocating, and the next young GC frees their shadows. Tables are rebuilt only to grow.
 * No ReferenceQueue: it holds cleared entries until polled, and on JDK 21+ it locks with a ReentrantLock, which
 * racecheck models (racecheck's own bookkeeping must never order the program's threads).
 */
final class ShadowMap {
    private static final int STRIPE_BITS = 6;
    private static final int STRIPES = 1 << STRIPE_BITS;
    private static final VarHandle BUCKET = MethodHandles.arrayElementVarHandle(Entry[].class);
    private static final VarHandle NEXT;

    static {
        try {
            NEXT = MethodHandles.lookup().findVarHandle(Entry.class, "next", Entry.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
        linkCallSites();
    }

    /**
     * Runs every VarHandle access of this class once, on a scratch map, while racecheck's hooks are still off (this
     * runs before the agent starts). The JVM links each such call site when it first runs, and linking interns a
     * MethodType in a ConcurrentHashMap, which racecheck models: linked in the middle of the program, a call site
     * in {@link #insert} called racecheck's hook, which looked up a shadow, reached the same unlinked call site and
     * recursed until the stack overflowed, leaving stripes half updated (seen: a stripe table of a gigabyte).
     */
    private static void linkCallSites() {
        ShadowMap scratch = new ShadowMap();
        Object[] keys = new Object[STRIPES * 32]; // enough that some stripe grows
        for (int i = 0; i < keys.length; i++) keys[i] = new Object();
        for (Object k : keys) scratch.get(k);
        for (Object k : keys) scratch.peek(k);
        scratch.census();
        scratch.forEachLive(shadow -> { });
        // A chain of cleared, live, cleared: unlinking takes the head out, and one after a live entry.
        Stripe s = scratch.stripes[0];
        synchronized (s) {
            Entry last = new Entry(new Object(), 0, null, null);
            Entry live = new Entry(keys[0], 0, null, last);
            Entry first = new Entry(new Object(), 0, null, live);
            last.clear();
            first.clear();
            BUCKET.setRelease(s.table, 0, first);
            s.count += 3;
            s.unlinkCleared(s.table, 0);
            s.sweep();
        }
    }

    /** How often the sweeper looks whether a GC has run; a look that finds none costs one weak reference read. */
    private static final long SWEEP_POLL_MILLIS = 10;

    private final Stripe[] stripes = new Stripe[STRIPES];
    private int nextClassId;

    ShadowMap() {
        for (int i = 0; i < STRIPES; i++) stripes[i] = new Stripe();
    }

    /** The shadow of {@code o}, created on first use. */
    Shadow get(Object o) {
        int h = mix(System.identityHashCode(o));
        Stripe s = stripes[h & (STRIPES - 1)];
        Entry[] table = s.table;
        Entry e = (Entry) BUCKET.getAcquire(table, (h >>> STRIPE_BITS) & (table.length - 1));
        for (; e != null; e = e.next()) {
            if (e.hash == h && e.get() == o) return e.shadow;
        }
        return insert(s, o, h);
    }

    /** The shadow of {@code o} if it has one, else null; never creates one. */
    Shadow peek(Object o) {
        int h = mix(System.identityHashCode(o));
        Stripe s = stripes[h & (STRIPES - 1)];
        Entry[] table = s.table;
        Entry e = (Entry) BUCKET.getAcquire(table, (h >>> STRIPE_BITS) & (table.length - 1));
        for (; e != null; e = e.next()) {
            if (e.hash == h && e.get() == o) return e.shadow;
        }
        return null;
    }

    private Shadow insert(Stripe s, Object o, int h) {
        int classId = o instanceof Class ? newClassId() : -1;
        synchronized (s) {
            Entry[] table = s.table;
            int i = (h >>> STRIPE_BITS) & (table.length - 1);
            for (Entry e = (Entry) BUCKET.getAcquire(table, i); e != null; e = e.next()) {
                if (e.hash == h && e.get() == o) return e.shadow;
            }
            s.unlinkCleared(table, i);
            if (s.count + 1 > table.length - (table.length >>> 2)) {
                // Grow unless the sweep freed half the table: the next sweep is then a quarter table of inserts away.
                s.sweep();
                if (s.count + 1 > table.length >>> 1) table = s.grow();
                i = (h >>> STRIPE_BITS) & (table.length - 1);
            }
            Shadow shadow = new Shadow(classId);
            BUCKET.setRelease(table, i, new Entry(o, h, shadow, (Entry) BUCKET.getAcquire(table, i)));
            s.count++;
            return shadow;
        }
    }

    private synchronized int newClassId() {
        return nextClassId++;
    }

    /**
     * Runs on racecheck's cleaner thread: a weakly held canary is cleared by every GC; each time it is, every stripe
     * is swept of the entries that GC cleared, so their shadows go with the next GC, and then the thread slots whose
     * epochs were only in those shadows are retired ({@link Threads#retire}).
     */
    void sweepAfterEachGc() throws InterruptedException {
        WeakReference<Object> canary = new WeakReference<>(new Object());
        while (true) {
            Thread.sleep(SWEEP_POLL_MILLIS);
            if (canary.get() != null) continue;
            canary = new WeakReference<>(new Object());
            for (Stripe s : stripes) {
                synchronized (s) {
                    s.sweep();
                }
            }
            Threads.retire(this);
        }
    }

    /**
     * Calls {@code action} with the shadow of every object that is still alive. Takes no lock: shadows inserted or
     * unlinked meanwhile may or may not be seen.
     */
    void forEachLive(java.util.function.Consumer<Shadow> action) {
        for (Stripe s : stripes) {
            Entry[] table = s.table;
            for (int i = 0; i < table.length; i++) {
                for (Entry e = (Entry) BUCKET.getAcquire(table, i); e != null; e = e.next()) {
                    if (e.get() != null) action.accept(e.shadow);
                }
            }
        }
    }

    /** {live entries, entries whose object is gone but not yet unlinked}; for diagnostics. */
    long[] census() {
        long live = 0;
        long dead = 0;
        for (Stripe s : stripes) {
            synchronized (s) {
                for (Entry head : s.table) {
                    for (Entry e = head; e != null; e = e.next()) {
                        if (e.get() == null) dead++;
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

    private static final class Entry extends WeakReference<Object> {
        final int hash;
        final Shadow shadow;
        /** Written under the stripe lock with release semantics (see {@link Stripe#unlinkCleared}). */
        @SuppressWarnings("unused") // through NEXT
        private Entry next;

        Entry(Object key, int hash, Shadow shadow, Entry next) {
            super(key);
            this.hash = hash;
            this.shadow = shadow;
            this.next = next;
        }

        Entry next() {
            return (Entry) NEXT.getAcquire(this);
        }
    }

    private static final class Stripe {
        volatile Entry[] table = new Entry[16];
        /** Entries in the table, live or cleared. Guarded by this. */
        int count;

        /** Unlinks every entry whose object is gone. Allocates nothing. Caller holds the stripe lock. */
        void sweep() {
            Entry[] t = table;
            for (int i = 0; i < t.length; i++) {
                if (BUCKET.getAcquire(t, i) != null) unlinkCleared(t, i);
            }
        }

        /** Unlinks the entries of bucket {@code i} whose objects are gone. Caller holds the stripe lock. */
        void unlinkCleared(Entry[] t, int i) {
            Entry previous = null;
            for (Entry e = (Entry) BUCKET.getAcquire(t, i); e != null; e = e.next()) {
                if (e.get() != null) {
                    previous = e;
                    continue;
                }
                // e keeps its own link: a reader standing on it goes on to the rest of the chain.
                if (previous == null) BUCKET.setRelease(t, i, e.next());
                else NEXT.setRelease(previous, e.next());
                count--;
            }
        }

        /**
         * A table twice as large holding the entries (all live: the caller has just swept). Caller holds the
         * stripe lock. Readers still on the old table see its chains as they were.
         */
        Entry[] grow() {
            Entry[] old = table;
            int length = old.length * 2;
            Entry[] fresh = new Entry[length];
            int kept = 0;
            for (Entry head : old) {
                for (Entry e = head; e != null; e = e.next()) {
                    Object key = e.get();
                    if (key == null) continue;
                    int i = (e.hash >>> STRIPE_BITS) & (length - 1);
                    fresh[i] = new Entry(key, e.hash, e.shadow, fresh[i]);
                    kept++;
                }
            }
            count = kept;
            VarHandle.releaseFence();
            table = fresh;
            return fresh;
        }
    }
}
