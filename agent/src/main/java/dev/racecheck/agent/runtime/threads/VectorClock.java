package dev.racecheck.agent.runtime.threads;

import java.util.Arrays;

/**
 * A vector clock: for each thread slot, the last clock value of that thread that happens-before the owner.
 * Operation names follow ThreadSanitizer's (acquire = join in, release = join out).
 *
 * <p>Stored as a two-level tree that clocks share copy-on-write: chunks of {@value #CHUNK} entries, gathered in
 * pages of {@value #PAGE} chunks, under one array of pages. A copy of a clock shares everything; a write copies the
 * one chunk and page it goes through; a join takes over the other clock's chunk, or whole page, where that already
 * holds the result, and skips a chunk or page the two clocks share without looking inside. A chunk or page is written
 * in place only by the one clock that owns it (owned bits), so whatever another clock can see never changes. A
 * missing chunk or page ({@code null}) is all zeros.
 *
 * <p>Why: with thousands of threads a dense clock is kilobytes, and every thread, lock, future and task held one,
 * mostly a near copy of another. Now the clocks of short-lived threads and synchronizers are mostly references to
 * the chunks and pages of longer-lived ones (the lock, the counter, the starting thread), a release into a new object
 * copies nothing, and a join costs what differs, not the number of slots.
 *
 * <p>Not thread-safe: a thread's own clock is touched only by that thread; lock and volatile clocks are guarded by
 * the {@link dev.racecheck.agent.runtime.shadow.Shadow} that holds them. A join also clears owned bits of the clock
 * it reads (that clock copies the chunk or page before its next write), so it runs where that clock may be written:
 * on the owning thread, under the shadow's monitor, or on a clock no one writes any more (an ended thread's).
 */
public final class VectorClock {
    static final int CHUNK_BITS = 4;
    static final int CHUNK = 1 << CHUNK_BITS;
    static final int PAGE_BITS = 6;
    static final int PAGE = 1 << PAGE_BITS;
    /** Slots per page. */
    static final int PAGE_SLOTS = CHUNK * PAGE;
    private static final int PAGE_SHIFT = CHUNK_BITS + PAGE_BITS;
    private static final long[][][] NO_PAGES = new long[0][][];
    private static final long[] NO_BITS = new long[0];

    /** pages[p][c] holds the entries of slots {@code p * PAGE_SLOTS + c * CHUNK ..}. */
    private long[][][] pages = NO_PAGES;
    /** Whether {@link #pages} (the array itself) is this clock's alone and may be written in place. */
    private boolean pagesOwned = true;
    /** Bit p: page p is this clock's alone. Set only while {@link #pagesOwned}. */
    private long[] ownedPages = NO_BITS;
    /** Word p, bit c: chunk c of page p is this clock's alone. Set only while page p is owned. */
    private long[] ownedChunks = NO_BITS;

    public VectorClock() {
    }

    /** A copy of {@code other}: shares all of it, so it costs nothing until one of the two is written. */
    public VectorClock(VectorClock other) {
        shareAllOf(other);
    }

    /**
     * Counts the changes of this clock's entries (a join counts as one even if it added nothing): a thread's
     * {@link ElementFilter} generation ends when its clock changes.
     */
    private int version;

    public int version() {
        return version;
    }

    public long get(int slot) {
        long[][][] p = pages;
        int pi = slot >>> PAGE_SHIFT;
        if (pi >= p.length) return 0L;
        long[][] page = p[pi];
        if (page == null) return 0L;
        long[] chunk = page[(slot >>> CHUNK_BITS) & (PAGE - 1)];
        return chunk == null ? 0L : chunk[slot & (CHUNK - 1)];
    }

    /**
     * One past the highest slot any clock has set (raised before the entry is written, so a join that can see an
     * entry sees the limit too: the clock it reads was published to it by a lock or by the thread itself).
     */
    private static volatile int slotLimit = 1;

    void set(int slot, long clock) {
        version++;
        if (slot >= slotLimit) raiseSlotLimit(slot + 1);
        writableChunk(slot >>> PAGE_SHIFT, (slot >>> CHUNK_BITS) & (PAGE - 1))[slot & (CHUNK - 1)] = clock;
    }

    /** Entry {@code slot} := max(entry, {@code clock}): the owner now knows that thread up to {@code clock}. */
    public void raise(int slot, long clock) {
        if (get(slot) < clock) set(slot, clock);
    }

    /** One past the highest slot this clock may have an entry for (entries past it are zero). */
    public int width() {
        return pages.length * PAGE_SLOTS;
    }

    private static synchronized void raiseSlotLimit(int limit) {
        if (limit > slotLimit) slotLimit = limit;
    }

    /** True when the access at {@code epoch} happens-before the owner of this clock. */
    public boolean covers(long epoch) {
        return Epoch.clock(epoch) <= get(Epoch.slot(epoch));
    }

    /**
     * this := this ⊔ other, for a thread's clock joining a synchronization object's. Where the other clock's chunk
     * or page already holds the result, this clock takes it over rather than copy it: a thread that acquires from a
     * busy lock or counter usually knows less than it almost everywhere, and then shares its pages.
     */
    public void acquire(VectorClock other) {
        join(other, false);
    }

    /**
     * this := this ⊔ other, for a synchronization object's release clock receiving a thread's clock. A chunk or page
     * the thread writes in place (its own entry's) is copied, not taken over, so that the thread keeps writing it in
     * place and a lock released over and over by one thread allocates nothing; the rest is shared.
     */
    public void receive(VectorClock other) {
        join(other, true);
    }

    /** this := other (a copy, sharing everything). */
    void assign(VectorClock other) {
        shareAllOf(other);
    }

    /** Slots this clock has room for (a multiple of {@link #PAGE_SLOTS}). */
    int size() {
        return pages.length * PAGE_SLOTS;
    }

    /** Chunks this clock is alone in holding (for tests). */
    int ownedChunks() {
        int n = 0;
        for (long word : ownedChunks) n += Long.bitCount(word);
        return n;
    }

    /** Whether this clock and {@code other} hold the very same chunk for {@code slot} (for tests). */
    boolean sharesChunk(VectorClock other, int slot) {
        long[] mine = chunkOf(slot);
        return mine != null && mine == other.chunkOf(slot);
    }

    /** Whether this clock and {@code other} hold the very same page for {@code slot} (for tests). */
    boolean sharesPage(VectorClock other, int slot) {
        int p = slot >>> PAGE_SHIFT;
        return p < pages.length && p < other.pages.length && pages[p] != null && pages[p] == other.pages[p];
    }

    private long[] chunkOf(int slot) {
        int p = slot >>> PAGE_SHIFT;
        if (p >= pages.length || pages[p] == null) return null;
        return pages[p][(slot >>> CHUNK_BITS) & (PAGE - 1)];
    }

    private void shareAllOf(VectorClock other) {
        version++;
        pages = other.pages;
        pagesOwned = false;
        disownAll();
        other.pagesOwned = false;
        other.disownAll();
    }

    // Chunk comparison outcomes.
    private static final int SAME = 0;
    private static final int MINE_AHEAD = 1;
    private static final int THEIRS_AHEAD = 2;
    private static final int MIXED = 3;

    private void join(VectorClock other, boolean keepOwnCopies) {
        version++;
        long[][][] theirs = other.pages;
        if (theirs == pages) return;
        if (pages.length == 0 && pagesOwned) { // nothing here yet: a copy is the join
            shareAllOf(other);
            return;
        }
        if (theirs.length > pages.length) writablePages(theirs.length - 1); // grown once, not page by page
        for (int p = 0; p < theirs.length; p++) {
            long[][] pb = theirs[p];
            long[][] pa = pages[p];
            if (pb == null || pa == pb) continue;
            if (pa == null) {
                takeOverPage(p, pb, other);
                continue;
            }
            // First look, write nothing: the whole page may turn out to be theirs to take.
            long theirsAhead = 0;
            long mixed = 0;
            long equalCopies = 0; // same entries in two chunks: sharing one makes the next join skip them
            boolean theirsCovers = true;
            // Chunks past the highest slot ever set are null in every clock: a run with a few threads looks at one.
            int chunks = p < (slotLimit - 1) >>> PAGE_SHIFT ? PAGE : (((slotLimit - 1) >>> CHUNK_BITS) & (PAGE - 1)) + 1;
            for (int c = 0; c < chunks; c++) {
                long[] a = pa[c];
                long[] b = pb[c];
                int outcome = compare(a, b);
                if (outcome == MINE_AHEAD) {
                    theirsCovers = false;
                } else if (outcome == THEIRS_AHEAD) {
                    theirsAhead |= 1L << c;
                } else if (outcome == MIXED) {
                    mixed |= 1L << c;
                    theirsCovers = false;
                } else if (a != b) {
                    equalCopies |= 1L << c;
                }
            }
            // Their page holds the result: share it, unless one of the two writes it in place (the thread whose own
            // entry is on it, or a lock that keeps its copy): taking it from them would only make them copy it again.
            if (theirsCovers && (keepOwnCopies ? !other.ownsPage(p) : theirsAhead != 0 || !ownsPage(p))) {
                takeOverPage(p, pb, other);
                continue;
            }
            if (theirsAhead == 0 && mixed == 0 && !ownsPage(p)) continue; // not worth a copy of the page
            for (long bits = theirsAhead | mixed | equalCopies; bits != 0; bits &= bits - 1) {
                int c = Long.numberOfTrailingZeros(bits);
                long[] a = pages[p][c];
                long[] b = pb[c];
                long bit = 1L << c;
                if ((equalCopies & bit) != 0) {
                    // Share theirs only where neither clock writes its copy in place: no one gives anything up.
                    if (!ownsChunk(p, c) && !other.ownsChunk(p, c)) writablePage(p)[c] = b;
                } else if (a != null && ownsChunk(p, c)) {
                    maxInto(a, b);
                } else if ((mixed & bit) != 0 || keepOwnCopies && other.ownsChunk(p, c)) {
                    long[] max = a == null ? b.clone() : a.clone();
                    if (a != null) maxInto(max, b);
                    writablePage(p)[c] = max;
                    setOwnedChunk(p, c);
                } else { // theirs is the result: share it
                    writablePage(p)[c] = b;
                    other.disownChunk(p, c);
                }
            }
        }
    }

    /** How chunk a (this clock's) and chunk b (the other's) compare; SAME when b adds nothing and a nothing either. */
    private static int compare(long[] a, long[] b) {
        if (a == b || b == null) return a == b ? SAME : MINE_AHEAD;
        if (a == null) return THEIRS_AHEAD;
        // Branch-free (the JIT vectorizes it): clock values are below 2^40, so a difference's sign bit says which
        // side is ahead at that entry.
        long theirsAheadBits = 0;
        long mineAheadBits = 0;
        for (int k = 0; k < CHUNK; k++) {
            theirsAheadBits |= a[k] - b[k];
            mineAheadBits |= b[k] - a[k];
        }
        boolean aCovers = theirsAheadBits >= 0;
        boolean bCovers = mineAheadBits >= 0;
        if (aCovers) return bCovers ? SAME : MINE_AHEAD;
        return bCovers ? THEIRS_AHEAD : MIXED;
    }

    /** Page p of this clock becomes the other's page {@code b}, which both then share. */
    private void takeOverPage(int p, long[][] b, VectorClock other) {
        writablePages(p)[p] = b;
        disownPage(p);
        other.disownPage(p);
    }

    private static void maxInto(long[] a, long[] b) {
        for (int k = 0; k < CHUNK; k++) {
            a[k] = Math.max(a[k], b[k]);
        }
    }

    /** Chunk c of page p, owned by this clock (copied or made first if need be). */
    private long[] writableChunk(int p, int c) {
        long[][] page = writablePage(p);
        long[] chunk = page[c];
        if (chunk != null && ownsChunk(p, c)) return chunk;
        chunk = chunk == null ? new long[CHUNK] : chunk.clone();
        page[c] = chunk;
        setOwnedChunk(p, c);
        return chunk;
    }

    /** Page p, owned by this clock (copied or made first if need be). */
    private long[][] writablePage(int p) {
        long[][][] top = writablePages(p);
        long[][] page = top[p];
        if (page != null && (ownedPages[p >>> 6] & (1L << p)) != 0) return page;
        page = page == null ? new long[PAGE][] : page.clone();
        top[p] = page;
        ownedPages[p >>> 6] |= 1L << p;
        return page;
    }

    /** The page array, this clock's own and holding page p. Grows exactly as far as needed: see the tests. */
    private long[][][] writablePages(int p) {
        long[][][] top = pages;
        if (!pagesOwned || p >= top.length) {
            top = Arrays.copyOf(top, Math.max(top.length, p + 1));
            pages = top;
            pagesOwned = true;
            if (ownedChunks.length < top.length) {
                ownedChunks = Arrays.copyOf(ownedChunks, top.length);
                ownedPages = Arrays.copyOf(ownedPages, (top.length + 63) >>> 6);
            }
        }
        return top;
    }

    private boolean ownsPage(int p) {
        return (p >>> 6) < ownedPages.length && (ownedPages[p >>> 6] & (1L << p)) != 0;
    }

    private boolean ownsChunk(int p, int c) {
        return p < ownedChunks.length && (ownedChunks[p] & (1L << c)) != 0;
    }

    private void setOwnedChunk(int p, int c) {
        ownedChunks[p] |= 1L << c; // writablePage(p) has run: the bit arrays are long enough
    }

    private void disownChunk(int p, int c) {
        if (p < ownedChunks.length) ownedChunks[p] &= ~(1L << c);
    }

    private void disownPage(int p) {
        if (p < ownedChunks.length) {
            ownedChunks[p] = 0;
            ownedPages[p >>> 6] &= ~(1L << p);
        }
    }

    private void disownAll() {
        Arrays.fill(ownedPages, 0L);
        Arrays.fill(ownedChunks, 0L);
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
