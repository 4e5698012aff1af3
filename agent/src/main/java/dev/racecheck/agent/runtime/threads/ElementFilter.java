package dev.racecheck.agent.runtime.threads;

/**
 * One thread's memory of the elements of one array it has already checked in its current generation: an
 * access that finds its element marked skips the element's state altogether (no shadow lookup, no state load).
 *
 * <p>Why: kernels that sweep an array many times between two synchronization actions (SparseMatMult reads
 * {@code x} at random) paid a chain of dependent loads per access (element table, element state, read-shared
 * clocks) only to learn that the access was in the same epoch as the thread's last one. Here the answer is a
 * load from a per-thread page of stamps. With packed element states ({@code shadow.ElementStates}) the same-epoch
 * check is itself one load: the filter is asked only about reads, and marks only those that took the slow path (a
 * read-shared element's check would walk to the thread's entry in its read clocks); with a state object per element
 * it is asked about every access.
 *
 * <p>Why it is sound: a generation ({@link ThreadState#filterMark}) ends at every change of the thread's epoch
 * (a release) and of its vector clock (an acquire), and at a final-field freeze. Within one generation FastTrack
 * would skip the access too unless another thread changed the element's state since this thread's first
 * access; such a change cannot be ordered after that access without a release by this thread, so it was a
 * concurrent access, and the race was reported when it was made. The filter can then only leave out a further
 * report on a variable already reported (a different pair of sites), never turn a racy program quiet or a
 * race-free one racy. {@code optimize=0} turns it off (see {@code Config.optimize}).
 *
 * <p>Stamps: {@code (generation << 1) + base} for an element read, {@code | 1} once written (a write covers a later
 * read of the same generation). The filter belongs to a slot of the thread's recent-array cache and keeps its pages
 * when another array takes the slot: {@code base} then moves past every stamp written, so nothing needs clearing
 * (SOR's rows pass through the cache by the thousand each sweep). Pages of {@value #PAGE} elements are made on
 * first use, within a budget shared by all threads ({@link #LIMIT}); past it, accesses simply take the usual path.
 * The filter refers to no program object.
 */
public final class ElementFilter {
    static final int PAGE_SHIFT = 10;
    static final int PAGE = 1 << PAGE_SHIFT;
    private static final int[][] NO_PAGES = new int[0][];
    /**
     * Shorter arrays get no marks: their element states are few and stay in cache, and a program that touches
     * many small arrays once each would pay for marks it never uses again.
     */
    static final int MIN_LENGTH = 256;
    /** Past it, {@link #base} starts again from 0 over cleared pages; with marks below 2^30 no stamp overflows. */
    static final int MAX_BASE = 1 << 29;

    /*
     * Bytes of stamp pages held by all threads' filters, guarded by BUDGET: a racecheck-private monitor (an atomic
     * of java.util.concurrent would be the program's instrumented code), taken once per page of elements.
     */
    private static final Object BUDGET = new Object();
    private static long held;
    /** At most 1/32 of the heap for stamps: the filter is a shortcut, never needed for an answer. */
    static final long LIMIT = Math.max(16L << 20, Runtime.getRuntime().maxMemory() / 32);

    /** The filter of every array when filters are off ({@code optimize=0}): never reset, it marks nothing. */
    public static final ElementFilter OFF = new ElementFilter();

    private int[][] pages = NO_PAGES;
    /** Elements of the slot's current array. */
    private int length;
    /** Added to the thread's marks: even, and raised at each new array past every stamp written before. */
    private int base;
    private long bytes;
    /**
     * Marks made and marks that paid (an access skipped) since the slot's array came in: an array each element of
     * which is touched once per generation (Crypt's, LUFact's columns) gets no more marks once {@value #TRIAL} marks
     * paid less than one in {@value #PAYOFF}, and gets them again as soon as old ones pay.
     */
    private int marks;
    private int hits;
    static final int TRIAL = 4096;
    static final int PAYOFF = 16;

    /** Another array, of {@code length} elements, takes the slot: no element of it is marked. */
    void reset(int length) {
        this.length = length;
        marks = 0;
        hits = 0;
        // Every stamp written so far is at most mark + base + 1, for the thread's current mark (marks only grow):
        // from base + 2 on, the current and later marks give stamps above all of them.
        base += 2;
        if (base >= MAX_BASE) clear();
    }

    /** Forgets every mark, clearing the pages (the thread's generations or this filter's base wrapped around). */
    void clear() {
        for (int[] page : pages) {
            if (page != null) java.util.Arrays.fill(page, 0);
        }
        base = 0;
    }

    /** Drops every page: the thread ended. */
    void release() {
        if (bytes != 0) {
            synchronized (BUDGET) {
                held -= bytes;
            }
        }
        bytes = 0;
        pages = NO_PAGES;
        length = 0;
    }

    /** Whether this thread read or wrote element {@code index} in the generation of {@code mark}. */
    public boolean read(int index, int mark) {
        if (marks == 0) return false; // nothing of this array marked: with packed states, an array no thread shares
        int[][] p = pages;
        int i = index >>> PAGE_SHIFT; // a negative index is a huge one here: no page
        if (i >= p.length) return false;
        int[] page = p[i];
        // An index past this array's end may find a page of a longer array: its stamps are all older than base.
        if (page == null || (page[index & (PAGE - 1)] | 1) != ((mark + base) | 1)) return false;
        hits++;
        return true;
    }

    /** Whether this thread wrote element {@code index} in the generation of {@code mark}. */
    public boolean written(int index, int mark) {
        int[][] p = pages;
        int i = index >>> PAGE_SHIFT;
        if (i >= p.length) return false;
        int[] page = p[i];
        if (page == null || page[index & (PAGE - 1)] != ((mark + base) | 1)) return false;
        hits++;
        return true;
    }

    /** Marks element {@code index} read in the generation of {@code mark} (a write mark stays). */
    public void markRead(int index, int mark) {
        int[] page = page(index);
        int stamp = mark + base;
        if (page != null && page[index & (PAGE - 1)] != (stamp | 1)) page[index & (PAGE - 1)] = stamp;
    }

    /** Marks element {@code index} written in the generation of {@code mark}. */
    public void markWritten(int index, int mark) {
        int[] page = page(index);
        if (page != null) page[index & (PAGE - 1)] = (mark + base) | 1;
    }

    private int[] page(int index) {
        if (index < 0 || index >= length || length < MIN_LENGTH) return null;
        if (hits < 0) hits = Integer.MAX_VALUE; // counted past 2^31
        if (marks >= TRIAL && hits < marks / PAYOFF) return null; // marks do not pay on this array
        if (++marks < 0) { // counted past 2^31 on one long-lived array: keep the ratio
            marks = Integer.MAX_VALUE >>> 1;
            hits >>>= 1;
        }
        int[][] p = pages;
        int i = index >>> PAGE_SHIFT;
        if (i >= p.length) { // the first mark of an array longer than the slot held so far
            int n = (length + PAGE - 1) >>> PAGE_SHIFT;
            if (!reserve(16L + 4L * (n - p.length))) return null;
            p = pages = java.util.Arrays.copyOf(p, n);
        }
        int[] page = p[i];
        if (page == null) {
            // Whole pages, the last one too: a check of an index past the end (the access will throw) reads a stamp
            // older than base.
            if (!reserve(16L + 4L * PAGE)) return null;
            page = p[i] = new int[PAGE];
        }
        return page;
    }

    private boolean reserve(long n) {
        synchronized (BUDGET) {
            if (held + n > LIMIT) return false;
            held += n;
        }
        bytes += n;
        return true;
    }

    /** Bytes of stamp pages held by all threads (for tests). */
    public static long bytesHeld() {
        synchronized (BUDGET) {
            return held;
        }
    }
}
