package dev.racecheck.agent.runtime;

import java.util.Arrays;

/**
 * A vector clock: for each thread slot, the last clock value of that thread that happens-before the owner.
 * Operation names follow ThreadSanitizer's (acquire = join in, release = join out).
 *
 * <p>Stored in chunks of {@value #CHUNK} entries that clocks share copy-on-write: a copy of a clock shares all of
 * its chunks, and a join takes over the other clock's chunk when that chunk already holds the result. A chunk is
 * written in place only by the one clock that owns it (an owned bit per chunk), so a chunk another clock can see
 * never changes. Why: with thousands of threads, a dense clock is kilobytes, and every thread, lock, future and
 * task held one, mostly a near copy of another; the clocks of short-lived threads and synchronizers are now mostly
 * references to chunks of longer-lived ones (the lock, the counter, the starting thread), and a release into a
 * new object copies nothing. A missing chunk ({@code null}) is all zeros.
 *
 * <p>Not thread-safe: a thread's own clock is touched only by that thread; lock and volatile clocks are guarded by
 * the {@link Shadow} that holds them. A join also clears owned bits of the clock it reads (that clock's owner copies
 * the chunk before its next write), so it runs where that clock may be written: on the owning thread, under the
 * shadow's monitor, or on a clock no one writes any more (an ended thread's).
 */
final class VectorClock {
    static final int SHIFT = 4;
    static final int CHUNK = 1 << SHIFT;
    private static final int MASK = CHUNK - 1;
    private static final long[][] NO_CHUNKS = new long[0][];

    /** Chunk i holds the entries of slots {@code i * CHUNK ..}; null when all zero. */
    private long[][] chunks;
    /** Whether {@link #chunks} (the array itself) is this clock's alone and may be written in place. */
    private boolean chunksOwned;
    /** Bit i: chunk i (i < 64) is this clock's alone; bits of chunks 64 and up in {@link #ownedHigh}. */
    private long ownedLow;
    private long[] ownedHigh;

    VectorClock() {
        chunks = NO_CHUNKS;
        chunksOwned = true;
    }

    /** A copy of {@code other}: shares all its chunks, so it costs nothing until one of the two is written. */
    VectorClock(VectorClock other) {
        shareAllOf(other);
    }

    long get(int slot) {
        long[][] c = chunks;
        int i = slot >>> SHIFT;
        if (i >= c.length) return 0L;
        long[] chunk = c[i];
        return chunk == null ? 0L : chunk[slot & MASK];
    }

    void set(int slot, long clock) {
        writableChunk(slot >>> SHIFT)[slot & MASK] = clock;
    }

    /** True when the access at {@code epoch} happens-before the owner of this clock. */
    boolean covers(long epoch) {
        return Epoch.clock(epoch) <= get(Epoch.slot(epoch));
    }

    /**
     * this := this ⊔ other, for a thread's clock joining a synchronization object's. Where the other clock's chunk
     * already holds the result, this clock takes that chunk over rather than copy it: a thread that acquires from a
     * busy lock or counter usually knows less than it in most chunks, and then shares them.
     */
    void acquire(VectorClock other) {
        join(other, false);
    }

    /**
     * this := this ⊔ other, for a synchronization object's release clock receiving a thread's clock. A chunk of its
     * own that only the thread's chunk supersedes is copied, not taken over, so that the thread keeps writing its
     * own entry in place and a lock released over and over by one thread allocates nothing.
     */
    void receive(VectorClock other) {
        join(other, true);
    }

    /** this := other (a copy, sharing the chunks). */
    void assign(VectorClock other) {
        shareAllOf(other);
    }

    /** Slots this clock has room for (a multiple of {@value #CHUNK}). */
    int size() {
        return chunks.length << SHIFT;
    }

    /** Chunks this clock is alone in holding (for tests). */
    int ownedChunks() {
        int n = 0;
        for (int i = 0; i < chunks.length; i++) {
            if (chunks[i] != null && owns(i)) n++;
        }
        return n;
    }

    /** Whether this clock and {@code other} hold the very same chunk for {@code slot} (for tests). */
    boolean sharesChunk(VectorClock other, int slot) {
        int i = slot >>> SHIFT;
        return i < chunks.length && i < other.chunks.length && chunks[i] != null && chunks[i] == other.chunks[i];
    }

    private void shareAllOf(VectorClock other) {
        chunks = other.chunks;
        chunksOwned = false;
        ownedLow = 0;
        ownedHigh = null;
        other.chunksOwned = false;
        other.disown();
    }

    private void join(VectorClock other, boolean keepOwnCopies) {
        long[][] theirs = other.chunks;
        if (theirs == chunks) return;
        if (chunks.length == 0 && chunksOwned) { // nothing here yet: a copy is the join
            shareAllOf(other);
            return;
        }
        for (int i = 0; i < theirs.length; i++) {
            long[] b = theirs[i];
            if (b == null) continue;
            long[] a = i < chunks.length ? chunks[i] : null;
            if (a == b) continue;
            if (a == null) {
                takeOver(i, b, other);
            } else if (owns(i)) {
                maxInto(a, b);
            } else {
                boolean aCovers = true;
                boolean bCovers = true;
                for (int k = 0; k < CHUNK; k++) {
                    if (a[k] < b[k]) aCovers = false;
                    else if (a[k] > b[k]) bCovers = false;
                }
                if (aCovers) continue;
                if (bCovers && !keepOwnCopies) {
                    takeOver(i, b, other);
                } else {
                    long[] max = a.clone();
                    maxInto(max, b);
                    writableChunks(i)[i] = max;
                    setOwned(i);
                }
            }
        }
    }

    /** This clock's chunk i becomes {@code b}, which both clocks then share. */
    private void takeOver(int i, long[] b, VectorClock other) {
        writableChunks(i)[i] = b;
        clearOwned(i);
        other.clearOwned(i);
    }

    private static void maxInto(long[] a, long[] b) {
        for (int k = 0; k < CHUNK; k++) {
            if (b[k] > a[k]) a[k] = b[k];
        }
    }

    /** Chunk i, owned by this clock (copied or made first if need be). */
    private long[] writableChunk(int i) {
        long[][] c = writableChunks(i);
        long[] chunk = c[i];
        if (chunk != null && owns(i)) return chunk;
        chunk = chunk == null ? new long[CHUNK] : chunk.clone();
        c[i] = chunk;
        setOwned(i);
        return chunk;
    }

    /** The chunk array, this clock's own and holding chunk i. Grows exactly as far as needed: see the tests. */
    private long[][] writableChunks(int i) {
        long[][] c = chunks;
        if (!chunksOwned || i >= c.length) {
            c = Arrays.copyOf(c, Math.max(c.length, i + 1));
            chunks = c;
            chunksOwned = true;
        }
        return c;
    }

    private boolean owns(int i) {
        if (i < 64) return (ownedLow & (1L << i)) != 0;
        long[] h = ownedHigh;
        int w = (i >>> 6) - 1;
        return h != null && w < h.length && (h[w] & (1L << i)) != 0;
    }

    private void setOwned(int i) {
        if (i < 64) {
            ownedLow |= 1L << i;
            return;
        }
        int w = (i >>> 6) - 1;
        if (ownedHigh == null || w >= ownedHigh.length) {
            ownedHigh = ownedHigh == null ? new long[w + 1] : Arrays.copyOf(ownedHigh, w + 1);
        }
        ownedHigh[w] |= 1L << i;
    }

    private void clearOwned(int i) {
        if (i < 64) {
            ownedLow &= ~(1L << i);
            return;
        }
        int w = (i >>> 6) - 1;
        if (ownedHigh != null && w < ownedHigh.length) ownedHigh[w] &= ~(1L << i);
    }

    private void disown() {
        ownedLow = 0;
        if (ownedHigh != null) Arrays.fill(ownedHigh, 0L);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("[");
        for (int slot = 0; slot < size(); slot++) {
            long c = get(slot);
            if (c != 0) {
                if (sb.length() > 1) sb.append(", ");
                sb.append(c).append('@').append(slot);
            }
        }
        return sb.append(']').toString();
    }
}
