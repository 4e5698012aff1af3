package dev.racecheck.agent.runtime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;

/**
 * Object identity to {@link Shadow}, holding the objects weakly: a shadow dies with its object.
 *
 * <p>Lookups take no lock: each stripe's bucket heads are read with acquire semantics and chains are
 * immutable (entries are prepended; removal copies the prefix). Inserts and removals lock one stripe.
 * The JDK has no concurrent weak identity map, and this one must not call any JDK code racecheck models.
 */
final class ShadowMap {
    private static final int STRIPE_BITS = 6;
    private static final int STRIPES = 1 << STRIPE_BITS;
    private static final VarHandle BUCKET = MethodHandles.arrayElementVarHandle(Entry[].class);

    private final Stripe[] stripes = new Stripe[STRIPES];
    private final ReferenceQueue<Object> cleared = new ReferenceQueue<>();
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
        for (; e != null; e = e.next) {
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
        for (; e != null; e = e.next) {
            if (e.hash == h && e.get() == o) return e.shadow;
        }
        return null;
    }

    private Shadow insert(Stripe s, Object o, int h) {
        expungeCleared();
        int classId = o instanceof Class ? newClassId() : -1;
        synchronized (s) {
            Entry[] table = s.table;
            int i = (h >>> STRIPE_BITS) & (table.length - 1);
            Entry head = (Entry) BUCKET.getAcquire(table, i);
            for (Entry e = head; e != null; e = e.next) {
                if (e.hash == h && e.get() == o) return e.shadow;
            }
            Shadow shadow = new Shadow(classId);
            if (++s.count > table.length - (table.length >>> 2)) {
                table = s.resize(cleared);
                i = (h >>> STRIPE_BITS) & (table.length - 1);
                head = (Entry) BUCKET.getAcquire(table, i);
            }
            BUCKET.setRelease(table, i, new Entry(o, h, shadow, head, cleared));
            return shadow;
        }
    }

    private synchronized int newClassId() {
        return nextClassId++;
    }

    private void expungeCleared() {
        for (int n = 0; n < 64; n++) {
            Reference<?> r = cleared.poll();
            if (r == null) return;
            Entry dead = (Entry) r;
            Stripe s = stripes[dead.hash & (STRIPES - 1)];
            synchronized (s) {
                s.remove(dead, cleared);
            }
        }
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

        Entry(Object key, int hash, Shadow shadow, Entry next, ReferenceQueue<Object> q) {
            super(key, q);
            this.hash = hash;
            this.shadow = shadow;
            this.next = next;
        }
    }

    private static final class Stripe {
        volatile Entry[] table = new Entry[16];
        int count;

        /** Doubles the table, dropping entries whose objects are gone. Caller holds the stripe lock. */
        Entry[] resize(ReferenceQueue<Object> q) {
            Entry[] old = table;
            Entry[] grown = new Entry[old.length * 2];
            int live = 0;
            for (Entry head : old) {
                for (Entry e = head; e != null; e = e.next) {
                    Object key = e.get();
                    if (key == null) continue;
                    int i = (e.hash >>> STRIPE_BITS) & (grown.length - 1);
                    grown[i] = new Entry(key, e.hash, e.shadow, grown[i], q);
                    live++;
                }
            }
            count = live + 1;
            VarHandle.releaseFence();
            table = grown;
            return grown;
        }

        /** Unlinks one cleared entry by copying the chain in front of it. Caller holds the stripe lock. */
        void remove(Entry dead, ReferenceQueue<Object> q) {
            Entry[] t = table;
            int i = (dead.hash >>> STRIPE_BITS) & (t.length - 1);
            Entry head = (Entry) BUCKET.getAcquire(t, i);
            Entry newHead = dead.next;
            boolean found = false;
            for (Entry e = head; e != null; e = e.next) {
                if (e == dead) {
                    found = true;
                    break;
                }
            }
            if (!found) return;
            for (Entry e = head; e != dead; e = e.next) {
                Object key = e.get();
                if (key != null) newHead = new Entry(key, e.hash, e.shadow, newHead, q);
            }
            BUCKET.setRelease(t, i, newHead);
            count--;
        }
    }
}
