package dev.racecheck.agent.runtime.shadow;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

import dev.racecheck.agent.runtime.threads.Epoch;
import dev.racecheck.agent.runtime.threads.SlotLease;

/**
 * FastTrack's state of every element of one array, packed into primitive pages instead of one {@link VarState} object
 * per element: 32 bytes per element touched (three {@code long}s and two lease references) instead of 60, no
 * allocation per element, and the state of consecutive elements side by side in memory (a sweep over an array reads
 * its states in order; the hardware prefetches them).
 *
 * <p>Layout: pages of {@value #PAGE} elements, made on first use, so a huge array of which a few elements are touched
 * costs a few pages. Element {@code j} of a page holds, in {@code cells[3j ..]}: the epoch of its last write (W), the
 * epoch of its last read or {@link Epoch#SHARED} (R), and the call paths of both ({@code wPath << 32 | rPath}); and
 * in {@code leases[2j ..]} the {@link SlotLease}s of W's and R's slots (see {@code VarState.wLease}). A read-shared
 * element keeps its read clocks in a {@link ReadShared} of the page's {@code shared} table.
 *
 * <p>Each element has its own lock, the sign bit of its W cell ({@link #LOCKED}): an epoch never has it. Taking it is
 * one compare-and-set, giving it back one release store; a monitor on a state object cost two atomic operations and
 * the object. Under the lock the other cells are read and written plainly: the lock's CAS (acquire) and release store
 * order every change of an element after the previous one, as a monitor did. The same-epoch fast path reads R or W
 * without the lock: a stale value only sends it to the slow path, and the only value it compares with, its own
 * epoch, is written by no other thread (a W cell being changed has the lock bit, so it never equals an epoch).
 */
public final class ElementStates {
    public static final int PAGE_SHIFT = 10;
    public static final int PAGE = 1 << PAGE_SHIFT;
    public static final int MASK = PAGE - 1;
    /** The lock bit of a W cell. */
    public static final long LOCKED = Long.MIN_VALUE;

    private static final VarHandle CELLS = MethodHandles.arrayElementVarHandle(long[].class);
    private static final VarHandle PAGES = MethodHandles.arrayElementVarHandle(Page[].class);

    /** Elements of the array. */
    public final int length;
    private final Page[] pages;

    /** The states of {@value #PAGE} consecutive elements. */
    public static final class Page {
        public final long[] cells = new long[3 * PAGE];
        /** Per element j: {@code [2j]} the lease of W's slot, {@code [2j + 1]} of R's when R is an epoch. */
        public final SlotLease[] leases = new SlotLease[2 * PAGE];
        /** Per element: its read clocks while R is {@link Epoch#SHARED}; made on the page's first read-shared element. */
        volatile ReadShared[] shared;

        /** The read-shared state of element j, or null (read without the element's lock by the FT2 shortcut). */
        public ReadShared shared(int j) {
            ReadShared[] s = shared;
            return s == null ? null : s[j];
        }

        /** Sets element j's read-shared state (under its lock). */
        public void setShared(int j, ReadShared rs) {
            ReadShared[] s = shared;
            if (s == null) {
                synchronized (this) { // two elements of the page may share at once, each under its own lock
                    s = shared;
                    if (s == null) shared = s = new ReadShared[PAGE];
                }
            }
            s[j] = rs;
        }
    }

    /**
     * The reads of a read-shared element: per thread slot, the clock and call path of that slot's last read and the
     * slot's lease. Replaced arrays are published through the volatile {@code clocks}, read last by the writer.
     */
    public static final class ReadShared {
        public volatile long[] clocks;
        public int[] paths;
        public SlotLease[] leases;

        public ReadShared(long[] clocks, int[] paths, SlotLease[] leases) {
            this.paths = paths;
            this.leases = leases;
            this.clocks = clocks;
        }
    }

    public ElementStates(int length) {
        this.length = length;
        this.pages = new Page[(length + MASK) >>> PAGE_SHIFT];
    }

    /** The page of element {@code index}, made if need be; null when the index is out of bounds. */
    public Page page(int index) {
        if (index < 0 || index >= length) return null;
        Page p = pages[index >>> PAGE_SHIFT];
        return p != null ? p : newPage(index >>> PAGE_SHIFT);
    }

    /** The page of element {@code index} if it was ever made (read without a lock: a page is never replaced). */
    public Page existingPage(int index) {
        return index < 0 || index >= length ? null : (Page) PAGES.getAcquire(pages, index >>> PAGE_SHIFT);
    }

    private Page newPage(int i) {
        Page p = new Page();
        // Published with a CAS: two threads making the same page keep the first one, and its cells are seen whole.
        Page won = (Page) PAGES.compareAndExchangeRelease(pages, i, (Page) null, p);
        return won == null ? p : won;
    }

    /** Index of element j's W cell in its page; R is at +1, the paths at +2. */
    public static int cell(int index) {
        return 3 * (index & MASK);
    }

    /** Locks the element whose W cell is {@code k} and returns its W (without the lock bit). */
    public static long lock(long[] cells, int k) {
        long w = (long) CELLS.getVolatile(cells, k);
        if (w >= 0 && CELLS.compareAndSet(cells, k, w, w | LOCKED)) return w;
        return lockContended(cells, k);
    }

    private static long lockContended(long[] cells, int k) {
        for (int spins = 0; ; spins++) {
            long w = (long) CELLS.getVolatile(cells, k);
            if (w >= 0 && CELLS.compareAndSet(cells, k, w, w | LOCKED)) return w;
            // Held for a few dozen instructions: spin, then let the holder run (it may have been descheduled).
            if (spins < 64) Thread.onSpinWait();
            else Thread.yield();
        }
    }

    /** Unlocks the element whose W cell is {@code k}, its W now {@code w}. */
    public static void unlock(long[] cells, int k, long w) {
        CELLS.setRelease(cells, k, w);
    }

    public static int wPath(long paths) {
        return (int) (paths >>> 32);
    }

    public static int rPath(long paths) {
        return (int) paths;
    }

    public static long paths(int wPath, int rPath) {
        return ((long) wPath << 32) | (rPath & 0xFFFF_FFFFL);
    }

    /** The pages made so far (a page that is null was never touched); for a freeze and for tests. */
    public Page pageAt(int i) {
        return (Page) PAGES.getAcquire(pages, i);
    }

    public int pageCount() {
        return pages.length;
    }

    /** W of element {@code index} (without the lock bit), NONE if its page was never made; for tests and diagnostics. */
    public long w(int index) {
        Page p = existingPage(index);
        return p == null ? Epoch.NONE : (long) CELLS.getVolatile(p.cells, cell(index)) & ~LOCKED;
    }

    /** R of element {@code index}; see {@link #w}. */
    public long r(int index) {
        Page p = existingPage(index);
        return p == null ? Epoch.NONE : (long) CELLS.getVolatile(p.cells, cell(index) + 1);
    }
}
