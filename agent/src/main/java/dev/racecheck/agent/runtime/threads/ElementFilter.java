package dev.racecheck.agent.runtime.threads;

/**
 * One thread's memory of the elements of one array it has already checked in its current generation: an
 * access that finds its element marked skips the element's state altogether (no shadow lookup, no state load).
 *
 * <p>Why: kernels that sweep an array many times between two synchronization actions (SparseMatMult reads
 * {@code x} at random) paid a chain of dependent loads per access (element table, element state, read-shared
 * clocks) only to learn that the access was in the same epoch as the thread's last one. Here the answer is a
 * load from a per-thread page of stamps.
 *
 * <p>Why it is sound: a generation ({@link ThreadState#filterMark}) ends at every change of the thread's epoch
 * (a release) and of its vector clock (an acquire), and at a final-field freeze. Within one generation FastTrack
 * would skip the access too unless another thread changed the element's state since this thread's first
 * access; such a change cannot be ordered after that access without a release by this thread, so it was a
 * concurrent access, and the race was reported when it was made. The filter can then only leave out a further
 * report on a variable already reported (a different pair of sites), never turn a racy program quiet or a
 * race-free one racy. {@code optimize=0} turns it off (see {@code Config.optimize}).
 *
 * <p>Stamps: {@code generation << 1} for an element read, {@code | 1} once written (a write covers a later read of
 * the same generation). Pages of {@value #PAGE} elements are made on first use, within a budget shared by all
 * threads ({@link #LIMIT}); past it, accesses simply take the usual path. The filter refers to no program object.
 */
public final class ElementFilter {
    static final int PAGE_SHIFT = 10;
    static final int PAGE = 1 << PAGE_SHIFT;
    private static final int[][] NO_PAGES = new int[0][];
    /**
     * Shorter arrays get no filter: their element states are few and stay in cache, and a program that touches
     * many small arrays once each would pay for pages it never uses again.
     */
    static final int MIN_LENGTH = 256;

    /*
     * Bytes of stamp pages held by all threads' filters, guarded by BUDGET: a racecheck-private monitor (an atomic
     * of java.util.concurrent would be the program's instrumented code), taken once per page of elements.
     */
    private static final Object BUDGET = new Object();
    private static long held;
    /** At most 1/32 of the heap for stamps: the filter is a shortcut, never needed for an answer. */
    static final long LIMIT = Math.max(16L << 20, Runtime.getRuntime().maxMemory() / 32);

    private int[][] pages = NO_PAGES;
    private int length;
    private long bytes;

    /** Starts over for an array of {@code length} elements: nothing is marked. */
    void reset(int length) {
        release();
        this.length = length;
    }

    /** Forgets every mark (the thread's generations wrapped around). */
    void clear() {
        reset(length);
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
    }

    /** Whether this thread read or wrote element {@code index} in the generation of {@code mark}. */
    public boolean read(int index, int mark) {
        int[][] p = pages;
        int i = index >>> PAGE_SHIFT; // a negative index is a huge one here: no page
        if (i >= p.length) return false;
        int[] page = p[i];
        return page != null && (page[index & (PAGE - 1)] | 1) == (mark | 1);
    }

    /** Whether this thread wrote element {@code index} in the generation of {@code mark}. */
    public boolean written(int index, int mark) {
        int[][] p = pages;
        int i = index >>> PAGE_SHIFT;
        if (i >= p.length) return false;
        int[] page = p[i];
        return page != null && page[index & (PAGE - 1)] == (mark | 1);
    }

    /** Marks element {@code index} read in the generation of {@code mark} (a write mark stays). */
    public void markRead(int index, int mark) {
        int[] page = page(index);
        if (page != null && page[index & (PAGE - 1)] != (mark | 1)) page[index & (PAGE - 1)] = mark;
    }

    /** Marks element {@code index} written in the generation of {@code mark}. */
    public void markWritten(int index, int mark) {
        int[] page = page(index);
        if (page != null) page[index & (PAGE - 1)] = mark | 1;
    }

    private int[] page(int index) {
        int[][] p = pages;
        if (p == NO_PAGES && length >= MIN_LENGTH) { // the first mark since the reset
            int n = (length + PAGE - 1) >>> PAGE_SHIFT;
            if (!reserve(16L + 4L * n)) return null;
            p = pages = new int[n][];
        }
        if (index < 0 || index >= length) return null;
        int i = index >>> PAGE_SHIFT;
        if (i >= p.length) return null;
        int[] page = p[i];
        if (page == null) {
            // Whole pages, the last one too: a check of an index past the end (the access will throw) reads a 0.
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
