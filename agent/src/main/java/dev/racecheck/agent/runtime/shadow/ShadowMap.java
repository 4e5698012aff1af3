package dev.racecheck.agent.runtime.shadow;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.ref.WeakReference;

import dev.racecheck.agent.runtime.threads.Threads;

/**
 * Object identity to {@link Shadow}, holding the objects weakly: a shadow dies with its object.
 *
 * <p>Lookups take no lock: each stripe's bucket heads are read with acquire semantics and chains are
 * immutable (entries are prepended; a change copies the prefix). Inserts lock one stripe. Entries whose objects
 * are gone are unlinked from the bucket an insert touches, and all at once when a stripe's table is rebuilt,
 * which happens when its entries (live or not) pass a load factor; the rebuilt table is sized by the live ones.
 * A racecheck daemon thread ({@link #sweepAfterEachGc}) rebuilds the stripes once after every GC, so entries the GC
 * cleared do not wait for inserts. No ReferenceQueue: it holds cleared entries until polled, and on JDK 21+ it
 * locks with a ReentrantLock, which racecheck models (racecheck's own bookkeeping must never order the program's
 * threads).
 */
public final class ShadowMap {
    private static final int STRIPE_BITS = 6;
    private static final int STRIPES = 1 << STRIPE_BITS;
    private static final VarHandle BUCKET = MethodHandles.arrayElementVarHandle(Entry[].class);

    private final Stripe[] stripes = new Stripe[STRIPES];
    private int nextClassId;

    public ShadowMap() {
        for (int i = 0; i < STRIPES; i++) stripes[i] = new Stripe();
    }

    /** The shadow of {@code o}, created on first use. */
    public Shadow get(Object o) {
        int h = mix(System.identityHashCode(o));
        Stripe s = stripes[h & (STRIPES - 1)];
        Entry[] table = s.table;
        Entry e = (Entry) BUCKET.getAcquire(table, (h >>> STRIPE_BITS) & (table.length - 1));
        for (; e != null; e = e.next) {
            if (e.hash == h && e.get() == o) return e.shadow;
        }
        return insert(s, o, h);
    }

    /** The shadow of {@code o} if it has one, else null; never creates one. */
    public Shadow peek(Object o) {
        int h = mix(System.identityHashCode(o));
        Stripe s = stripes[h & (STRIPES - 1)];
        Entry[] table = s.table;
        Entry e = (Entry) BUCKET.getAcquire(table, (h >>> STRIPE_BITS) & (table.length - 1));
        for (; e != null; e = e.next) {
            if (e.hash == h && e.get() == o) return e.shadow;
        }
        return null;
    }

    private Shadow insert(Stripe s, Object o, int h) {
        int classId = o instanceof Class ? newClassId() : -1;
        synchronized (s) {
            Entry[] table = s.table;
            int i = (h >>> STRIPE_BITS) & (table.length - 1);
            Entry head = (Entry) BUCKET.getAcquire(table, i);
            for (Entry e = head; e != null; e = e.next) {
                if (e.hash == h && e.get() == o) return e.shadow;
            }
            if (s.count + 1 > table.length - (table.length >>> 2)) {
                table = s.rebuild();
                i = (h >>> STRIPE_BITS) & (table.length - 1);
                head = (Entry) BUCKET.getAcquire(table, i);
            } else {
                head = s.withoutCleared(table, i, head);
            }
            Shadow shadow = new Shadow(classId);
            BUCKET.setRelease(table, i, new Entry(o, h, shadow, head));
            s.count++;
            return shadow;
        }
    }

    private synchronized int newClassId() {
        return nextClassId++;
    }

    /**
     * Runs on racecheck's cleaner thread: a weakly held canary is cleared by every GC; each time it is, the stripes
     * are rebuilt without the entries that GC cleared, so their shadows go at once, not at the next inserts; and the
     * thread slots whose leases that GC collected are retired ({@link Threads#retireCollected}); then
     * {@code afterEachGc}, if any, runs (the lock-order graph drops the locks that GC collected).
     */
    public void sweepAfterEachGc(Runnable afterEachGc) throws InterruptedException {
        WeakReference<Object> canary = new WeakReference<>(new Object());
        while (true) {
            // At most five sweeps a second: a rebuild allocates, and allocation brings the next GC.
            Thread.sleep(200);
            if (canary.get() != null) continue;
            for (Stripe s : stripes) {
                synchronized (s) {
                    // Only stripes where the GC cleared a good share: counting allocates nothing, rebuilding does.
                    if (s.cleared() * 4 > s.count) s.rebuild();
                }
            }
            canary = new WeakReference<>(new Object());
            Threads.retireCollected();
            if (afterEachGc != null) afterEachGc.run();
        }
    }

    /** {live entries, entries whose object is gone but not yet unlinked}; for diagnostics. */
    public long[] census() {
        long live = 0;
        long dead = 0;
        for (Stripe s : stripes) {
            synchronized (s) {
                for (Entry head : s.table) {
                    for (Entry e = head; e != null; e = e.next) {
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
        final Entry next;

        Entry(Object key, int hash, Shadow shadow, Entry next) {
            super(key);
            this.hash = hash;
            this.shadow = shadow;
            this.next = next;
        }
    }

    private static final class Stripe {
        volatile Entry[] table = new Entry[16];
        /** Entries in the table, live or cleared. Guarded by this. */
        int count;

        /** Entries whose objects the GC has cleared. Caller holds the stripe lock. */
        int cleared() {
            int n = 0;
            for (Entry head : table) {
                for (Entry e = head; e != null; e = e.next) {
                    if (e.get() == null) n++;
                }
            }
            return n;
        }

        /**
         * A new table holding only the live entries, twice as large as they need. Caller holds the stripe lock.
         * Readers still on the old table see consistent (older) chains.
         */
        Entry[] rebuild() {
            Entry[] old = table;
            int live = 0;
            for (Entry head : old) {
                for (Entry e = head; e != null; e = e.next) {
                    if (e.get() != null) live++;
                }
            }
            int length = 16;
            while (length - (length >>> 2) < (live + 1) * 2) length <<= 1;
            Entry[] fresh = new Entry[length];
            for (Entry head : old) {
                for (Entry e = head; e != null; e = e.next) {
                    Object key = e.get();
                    if (key == null) continue;
                    int i = (e.hash >>> STRIPE_BITS) & (length - 1);
                    fresh[i] = new Entry(key, e.hash, e.shadow, fresh[i]);
                }
            }
            count = live;
            VarHandle.releaseFence();
            table = fresh;
            return fresh;
        }

        /** The chain at {@code i} without its cleared entries (the live ones in front are copied). Caller holds the lock. */
        Entry withoutCleared(Entry[] t, int i, Entry head) {
            boolean anyCleared = false;
            for (Entry e = head; e != null; e = e.next) {
                if (e.get() == null) {
                    anyCleared = true;
                    break;
                }
            }
            if (!anyCleared) return head;
            Entry rebuilt = null;
            int kept = 0;
            int total = 0;
            for (Entry e = head; e != null; e = e.next) {
                total++;
                Object key = e.get();
                if (key == null) continue;
                rebuilt = new Entry(key, e.hash, e.shadow, rebuilt);
                kept++;
            }
            count -= total - kept;
            BUCKET.setRelease(t, i, rebuilt);
            return rebuilt;
        }
    }
}
