package dev.racecheck.agent.runtime.predict;

import java.util.Arrays;

/**
 * A thread's synchronization log: what the witness check ({@link Vindication}) needs to know of the thread's past,
 * in epoch order. One writer (the thread), any number of readers: the writer fills an entry past the published count
 * and then raises the count (volatile); growing or trimming publishes a new segment holding the entries kept.
 *
 * <p>Entries, each at the epoch from which it holds:
 * <ul>
 *   <li>{@link #START}, {@link #HARD}: the thread's predictive clock after it started, or after it acquired something
 *       that carries data (a volatile, a queue's element, a join...): a snapshot, so the latest one up to an epoch says
 *       what must precede that epoch ({@code ref}: the clock);</li>
 *   <li>{@link #ACQUIRE}: a critical section of the program's own begins ({@code ref}: it);</li>
 *   <li>{@link #RELEASE}: one ended at the end of the previous epoch ({@code ref}: it);</li>
 *   <li>{@link #CONFLICT}: an access in a critical section conflicted with one in an earlier critical section on the
 *       same lock, whose release therefore precedes it (DC's rule (a); {@code ref}: that section);</li>
 *   <li>{@link #READ_FROM}: a read read a write no clock above orders before it ({@code aux}: the write's epoch).</li>
 * </ul>
 * Each entry also carries the program's own critical sections the thread holds from its epoch on ({@code held}),
 * which is how another thread learns whether an access of this one was inside a critical section ({@link #heldAt}).
 */
final class Log {
    static final byte START = 0;
    static final byte HARD = 1;
    static final byte ACQUIRE = 2;
    static final byte RELEASE = 3;
    static final byte CONFLICT = 4;
    static final byte READ_FROM = 5;

    static final CriticalSection[] NONE = new CriticalSection[0];

    /** A segment of entries; entries below {@link #count} are complete and never change. */
    static final class Segment {
        final long[] epochs;
        final byte[] kinds;
        final Object[] refs;
        final long[] aux;
        final CriticalSection[][] held;
        volatile int count;

        Segment(int capacity) {
            epochs = new long[capacity];
            kinds = new byte[capacity];
            refs = new Object[capacity];
            aux = new long[capacity];
            held = new CriticalSection[capacity][];
        }

        Segment(Segment from, int start, int capacity) {
            int n = from.count - start;
            epochs = Arrays.copyOf(Arrays.copyOfRange(from.epochs, start, from.count), capacity);
            kinds = Arrays.copyOf(Arrays.copyOfRange(from.kinds, start, from.count), capacity);
            refs = Arrays.copyOf(Arrays.copyOfRange(from.refs, start, from.count), capacity);
            aux = Arrays.copyOf(Arrays.copyOfRange(from.aux, start, from.count), capacity);
            held = Arrays.copyOf(Arrays.copyOfRange(from.held, start, from.count), capacity);
            count = n;
        }

        /** Index of the last entry whose epoch is at most {@code epoch}, or -1. */
        int lastAtOrBefore(long epoch, int n) {
            int lo = 0;
            int hi = n - 1;
            int found = -1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                if (epochs[mid] <= epoch) {
                    found = mid;
                    lo = mid + 1;
                } else {
                    hi = mid - 1;
                }
            }
            return found;
        }
    }

    private volatile Segment segment = new Segment(16);
    /** Entries dropped from the front so far (the log's memory bound, see {@link Horizon}). */
    private volatile long dropped;
    /** Once entries were dropped: the first epoch whose entries are all kept; epochs before it are no longer known. */
    private volatile long firstKept;

    Segment segment() {
        return segment;
    }

    long firstKeptEpoch() {
        return firstKept;
    }

    int size() {
        return segment.count;
    }

    /** Appends an entry (owner thread only). */
    void add(long epoch, byte kind, Object ref, long aux, CriticalSection[] held) {
        Segment s = segment;
        int n = s.count;
        if (n == s.epochs.length) {
            s = new Segment(s, 0, n * 2);
            segment = s;
        }
        s.epochs[n] = epoch;
        s.kinds[n] = kind;
        s.refs[n] = ref;
        s.aux[n] = aux;
        s.held[n] = held;
        s.count = n + 1;
    }

    /**
     * The program's own critical sections the thread held during epoch {@code epoch}: empty if none, null when the
     * log no longer knows (dropped) or never did (before the thread's first entry).
     */
    CriticalSection[] heldAt(long epoch) {
        if (epoch < firstKept) return null;
        Segment s = segment;
        int n = s.count;
        int i = s.lastAtOrBefore(epoch, n);
        if (i < 0) return null;
        return s.held[i];
    }

    /**
     * Drops the entries of epochs up to {@code epoch} (the horizon, see {@link Horizon}), except the last of them: its
     * held critical sections are those held at the horizon, which the witness check starts from. Owner thread only,
     * or a thread that has ended. Returns how many were dropped.
     */
    int dropThrough(long epoch) {
        Segment s = segment;
        int n = s.count;
        int last = s.lastAtOrBefore(epoch, n);
        if (last <= 0) return 0;
        int kept = n - last;
        Segment t = new Segment(s, last, Math.max(16, Integer.highestOneBit(kept) * 2));
        segment = t;
        dropped += last;
        firstKept = epoch + 1;
        return last;
    }

    long dropped() {
        return dropped;
    }
}
