package dev.racecheck.agent.runtime.shadow;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.ref.WeakReference;

/**
 * The elements handed over through one concurrent collection (kept in its shadow): per element, the clock its
 * placings released into, which whoever gets that element out of this collection acquires. The JDK orders placing
 * an object into a concurrent collection before its access or removal from that collection, not from another one
 * that holds the same object (a cached {@code Integer}, {@code Boolean.TRUE}, an enum constant, a string literal).
 *
 * <p>Elements are held weakly and compared by identity; an element's entry goes when the element is collected, and
 * from a queue when every placing of it has been taken out ({@link #takenOut}). Lookups take no lock: each stripe's
 * bucket heads are read with acquire semantics and chains are immutable (a change copies the prefix it touches), as
 * in {@link ShadowMap}. Changes lock one stripe. A {@code null} element (an Exchanger's) has an entry of its own.
 */
public final class HandOffs {
    private static final int STRIPES = 4;
    private static final VarHandle BUCKET = MethodHandles.arrayElementVarHandle(Entry[].class);
    /** Stands for a null element (racecheck's own object: never collected). */
    private static final Object NULL = new Object();

    private final Stripe[] stripes = new Stripe[STRIPES];

    public HandOffs() {
        for (int i = 0; i < STRIPES; i++) stripes[i] = new Stripe();
    }

    /** The clock a placing of {@code element} releases into; the placing is counted. */
    public SyncClock placing(Object element) {
        Object key = element == null ? NULL : element;
        int h = mix(System.identityHashCode(key));
        return stripes[h & (STRIPES - 1)].placing(key, h);
    }

    /** The clock of {@code element}'s placings, or null when it was never placed here (or all were taken out). */
    public SyncClock find(Object element) {
        Object key = element == null ? NULL : element;
        int h = mix(System.identityHashCode(key));
        Entry[] table = stripes[h & (STRIPES - 1)].table;
        Entry e = (Entry) BUCKET.getAcquire(table, (h >>> 2) & (table.length - 1));
        for (; e != null; e = e.next) {
            if (e.hash == h && e.get() == key) return e.clock;
        }
        return null;
    }

    /**
     * {@code element} was taken out of a queue: one placing fewer; the entry goes with the last one, so that a later
     * placing of the same object starts a clock of its own. Returns the clock to acquire (null: none).
     */
    public SyncClock takenOut(Object element) {
        Object key = element == null ? NULL : element;
        int h = mix(System.identityHashCode(key));
        return stripes[h & (STRIPES - 1)].takenOut(key, h);
    }

    /** Entries held, live or cleared (for tests). */
    public int size() {
        int n = 0;
        for (Stripe s : stripes) {
            synchronized (s) {
                n += s.count;
            }
        }
        return n;
    }

    private static int mix(int h) {
        h *= 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    private static final class Entry extends WeakReference<Object> {
        final int hash;
        final SyncClock clock;
        final Entry next;
        /** Placings not yet taken out. Guarded by the stripe. */
        int placed;

        Entry(Object key, int hash, SyncClock clock, Entry next, int placed) {
            super(key);
            this.hash = hash;
            this.clock = clock;
            this.next = next;
            this.placed = placed;
        }
    }

    private static final class Stripe {
        volatile Entry[] table = new Entry[4];
        /** Entries in the table, live or cleared. Guarded by this. */
        int count;

        synchronized SyncClock placing(Object key, int h) {
            Entry[] t = table;
            int i = (h >>> 2) & (t.length - 1);
            Entry head = (Entry) BUCKET.getAcquire(t, i);
            for (Entry e = head; e != null; e = e.next) {
                if (e.hash == h && e.get() == key) {
                    e.placed++;
                    return e.clock;
                }
            }
            if (count + 1 > t.length - (t.length >>> 2)) {
                t = rebuild();
                i = (h >>> 2) & (t.length - 1);
                head = (Entry) BUCKET.getAcquire(t, i);
            } else {
                head = without(t, i, head, null);
            }
            SyncClock c = new SyncClock();
            BUCKET.setRelease(t, i, new Entry(key, h, c, head, 1));
            count++;
            return c;
        }

        synchronized SyncClock takenOut(Object key, int h) {
            Entry[] t = table;
            int i = (h >>> 2) & (t.length - 1);
            Entry head = (Entry) BUCKET.getAcquire(t, i);
            for (Entry e = head; e != null; e = e.next) {
                if (e.hash == h && e.get() == key) {
                    if (--e.placed <= 0) without(t, i, head, e);
                    return e.clock;
                }
            }
            return null;
        }

        /**
         * The chain at {@code i} without its cleared entries and without {@code drop} (if not null), the live ones
         * before them copied. Caller holds the lock.
         */
        private Entry without(Entry[] t, int i, Entry head, Entry drop) {
            boolean any = false;
            for (Entry e = head; e != null; e = e.next) {
                if (e == drop || e.get() == null) {
                    any = true;
                    break;
                }
            }
            if (!any) return head;
            Entry rebuilt = null;
            int total = 0;
            int kept = 0;
            for (Entry e = head; e != null; e = e.next) {
                total++;
                Object k = e.get();
                if (k == null || e == drop) continue;
                rebuilt = new Entry(k, e.hash, e.clock, rebuilt, e.placed);
                kept++;
            }
            count -= total - kept;
            BUCKET.setRelease(t, i, rebuilt);
            return rebuilt;
        }

        /** A table twice as large as the live entries need, without the cleared ones. Caller holds the lock. */
        private Entry[] rebuild() {
            Entry[] old = table;
            int live = 0;
            for (Entry head : old) {
                for (Entry e = head; e != null; e = e.next) {
                    if (e.get() != null) live++;
                }
            }
            int length = 4;
            while (length - (length >>> 2) < (live + 1) * 2) length <<= 1;
            Entry[] fresh = new Entry[length];
            for (Entry head : old) {
                for (Entry e = head; e != null; e = e.next) {
                    Object k = e.get();
                    if (k == null) continue;
                    int i = (e.hash >>> 2) & (length - 1);
                    fresh[i] = new Entry(k, e.hash, e.clock, fresh[i], e.placed);
                }
            }
            count = live;
            VarHandle.releaseFence();
            table = fresh;
            return fresh;
        }
    }
}
