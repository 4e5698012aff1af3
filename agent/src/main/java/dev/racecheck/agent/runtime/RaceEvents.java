package dev.racecheck.agent.runtime;

import static dev.racecheck.agent.runtime.analysis.Analysis.CURRENT;
import static dev.racecheck.agent.runtime.analysis.Analysis.DETECTOR;
import static dev.racecheck.agent.runtime.analysis.Analysis.SHADOWS;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.ref.WeakReference;
import java.lang.reflect.Array;
import java.time.Duration;
import java.util.Arrays;

import dev.racecheck.agent.runtime.analysis.Analysis;
import dev.racecheck.agent.runtime.analysis.Detector;
import dev.racecheck.agent.runtime.analysis.OptimisticReads;
import dev.racecheck.agent.runtime.predict.LockCalls;
import dev.racecheck.agent.runtime.jdk.Containers;
import dev.racecheck.agent.runtime.jdk.Freeze;
import dev.racecheck.agent.runtime.report.Config;
import dev.racecheck.agent.runtime.locks.LockGraph;
import dev.racecheck.agent.runtime.locks.Locks;
import dev.racecheck.agent.runtime.report.Internal;
import dev.racecheck.agent.runtime.report.MonitorClasses;
import dev.racecheck.agent.runtime.report.Reporter;
import dev.racecheck.agent.runtime.report.Sites;
import dev.racecheck.agent.runtime.schedule.Schedule;
import dev.racecheck.agent.runtime.shadow.CompanionState;
import dev.racecheck.agent.runtime.shadow.ElementStates;
import dev.racecheck.agent.runtime.shadow.InlineShadows;
import dev.racecheck.agent.runtime.shadow.Shadow;
import dev.racecheck.agent.runtime.shadow.ShadowMap;
import dev.racecheck.agent.runtime.shadow.VarState;
import dev.racecheck.agent.runtime.threads.CallPaths;
import dev.racecheck.agent.runtime.threads.ElementFilter;
import dev.racecheck.agent.runtime.threads.Epoch;
import dev.racecheck.agent.runtime.threads.ThreadState;
import dev.racecheck.agent.runtime.threads.Threads;

/**
 * The event interface: the only racecheck class that instrumented code calls. Every method is static and
 * takes JDK types and ints only; the instrumenter knows nothing else of the runtime.
 *
 * <p>Application methods start with {@link #thread()} and {@link #enter}/{@link #depth} and pass the
 * {@link ThreadState} and frame index to every event. Access events are the hot path: a shadow lookup and an
 * epoch compare, then the detector's slow path. Hooks in JDK classes ({@link #acquire}, {@link #release},
 * {@link #threadStart}) find the thread state themselves and do nothing before the agent is ready.
 * The detector, the shadow map and the thread states they use are {@link Analysis}'s.
 *
 * <p>No method here throws into the program, except the ones that stand in for a JDK call
 * ({@link #join}, {@link #wait}) and rethrow exactly what that call threw.
 */
public final class RaceEvents {
    private static final MethodHandle JOIN_DURATION = joinDuration();

    private RaceEvents() {
        // no instances
    }

    // ---- frames -------------------------------------------------------------------------------------------

    /** The current thread's state; instrumented methods call this once, on entry. */
    public static ThreadState thread() {
        return CURRENT.get();
    }

    /** Entry of a method that calls others: pushes a frame and returns its index. */
    public static int enter(ThreadState ts) {
        return ts.push();
    }

    /** Entry of a method that calls nothing: its frame index, without a push. */
    public static int depth(ThreadState ts) {
        return ts.depth;
    }

    /** Every exit of a method that entered, normal or exceptional. */
    public static void exit(ThreadState ts, int base) {
        ts.depth = base;
    }

    /** Before each call: the call site of this frame, the line the stack will show for it. */
    public static void call(ThreadState ts, int base, int site) {
        ts.sites[base] = site;
    }

    // ---- accesses: the hot path ---------------------------------------------------------------------------

    public static void read(Object owner, int field, int site, ThreadState ts, int base) {
        if (ts.ignore != 0 || owner == null) return;
        VarState v = fieldState(owner, field, site, ts);
        // Fast path: this thread already read it in this epoch.
        if (v == null || v.r == ts.epoch) return;
        slowRead(ts, v, site, base, owner, Detector.FIELD);
    }

    public static void write(Object owner, int field, int site, ThreadState ts, int base) {
        if (ts.ignore != 0 || owner == null) return;
        VarState v = fieldState(owner, field, site, ts);
        // Fast path: this thread already wrote it in this epoch.
        if (v == null || v.w == ts.epoch) return;
        slowWrite(ts, v, site, base, owner, Detector.FIELD);
    }

    /** The state of an instance field: in the object's companion field if it has one (see {@link InlineShadows}). */
    static VarState fieldState(Object owner, int field, int site, ThreadState ts) {
        long offset = InlineShadows.offset(site);
        if (offset > 0L) {
            Object x = InlineShadows.get(owner, offset);
            if (x instanceof CompanionState v && v.owner == owner) return v;
        }
        return fieldStateSlow(owner, field, site, offset, ts);
    }

    private static VarState fieldStateSlow(Object owner, int field, int site, long offset, ThreadState ts) {
        // Resolving a site reflects on the class: the JDK code that runs is racecheck's, not the program's.
        ts.ignore++;
        try {
            return offset < 0L ? SHADOWS.get(owner).field(field)
                    : InlineShadows.state(SHADOWS, owner, field, site, offset);
        } catch (Throwable e) {
            Internal.error("finding a field's state", e);
            return null;
        } finally {
            ts.ignore--;
        }
    }

    public static void staticRead(Class<?> owner, int field, int site, ThreadState ts, int base) {
        if (ts.ignore != 0) return;
        StaticSite ss = staticSite(owner, site, field);
        if (!ts.hasSeenInit(ss.shadow.classId)) seeInit(ts, ss.shadow, ss.declaring(owner));
        VarState v = ss.var;
        if (v.r == ts.epoch) return;
        slowRead(ts, v, site, base, ss.declaring(owner), Detector.STATIC);
    }

    public static void staticWrite(Class<?> owner, int field, int site, ThreadState ts, int base) {
        if (ts.ignore != 0) return;
        StaticSite ss = staticSite(owner, site, field);
        if (!ts.hasSeenInit(ss.shadow.classId)) seeInit(ts, ss.shadow, ss.declaring(owner));
        VarState v = ss.var;
        if (v.w == ts.epoch) return;
        slowWrite(ts, v, site, base, ss.declaring(owner), Detector.STATIC);
    }

    public static void arrayRead(Object array, int index, int site, ThreadState ts, int base) {
        if (ts.ignore != 0 || array == null) return;
        Shadow s = arrayShadow(array, ts);
        if (Analysis.PACKED_ELEMENTS) {
            packedRead(s.elements(array), array, index, site, ts, base);
            return;
        }
        // This thread checked the element already in this generation (see ElementFilter): nothing can be new.
        ElementFilter f = ts.lastFilter;
        int mark = ts.filterMark();
        if (f.read(index, mark)) return;
        if (!objectRead(s, array, index, site, ts, base)) return; // out of bounds: the load itself will throw
        if (!deferring(ts)) f.markRead(index, mark); // a read in an optimistic window counts only once validated
    }

    public static void arrayWrite(Object array, int index, int site, ThreadState ts, int base) {
        if (ts.ignore != 0 || array == null) return;
        Shadow s = arrayShadow(array, ts);
        if (Analysis.PACKED_ELEMENTS) {
            packedWrite(s.elements(array), array, index, site, ts, base);
            return;
        }
        ElementFilter f = ts.lastFilter;
        int mark = ts.filterMark();
        if (f.written(index, mark)) return;
        if (objectWrite(s, array, index, site, ts, base)) f.markWritten(index, mark);
    }

    /**
     * A read of element {@code index} in packed states ({@link ElementStates}); false when the index is out of bounds.
     * The same-epoch check is one load from the element's page. A read-shared element (every thread reads SparseMatMult's
     * {@code x}) would take three more to the thread's entry in its read clocks, and one that another thread makes
     * read-shared after this thread's read (MolDyn's coordinates) would go to the slow path again: so a read that took
     * the slow path is marked in the thread's element filter (see {@link ElementFilter}; {@code ts.lastFilter} is this
     * array's, set by arrayShadow), which answers first. Fast-path reads mark nothing: an array read once per epoch
     * per element (SOR's rows) pays one mark per element, not one per read.
     */
    private static boolean packedRead(ElementStates es, Object array, int index, int site, ThreadState ts, int base) {
        return packedRead(es, array, index, site, ts, base, 0) != OUT_OF_BOUNDS;
    }

    /**
     * {@link #packedRead}, given the access's call path if known (else 0): returns it, worked out if the slow path
     * needed it, or {@link #OUT_OF_BOUNDS}. A loop's accesses share one path (nothing runs between them).
     */
    private static int packedRead(ElementStates es, Object array, int index, int site, ThreadState ts, int base,
                                  int path) {
        // Asked first: a read-shared element read at random (SparseMatMult's x) is a miss in the cache for its
        // 24-byte state, and a hit in the thread's 4-byte stamps.
        ElementFilter f = ts.lastFilter;
        int mark = ts.filterMark();
        if (f.read(index, mark)) return path;
        ElementStates.Page p = es.page(index);
        if (p == null) return OUT_OF_BOUNDS;
        if (p.cells[ElementStates.cell(index) + 1] == ts.epoch) return path;
        path = slowElementRead(ts, p, index, site, base, path, array);
        if (!deferring(ts)) f.markRead(index, mark); // a read in an optimistic window counts only once validated
        return path;
    }

    /** What {@link #packedRead} and {@link #packedWrite} return for an index out of bounds: no call path is negative. */
    private static final int OUT_OF_BOUNDS = -1;

    /** A write of element {@code index} in packed states; false when the index is out of bounds. */
    private static boolean packedWrite(ElementStates es, Object array, int index, int site, ThreadState ts, int base) {
        return packedWrite(es, array, index, site, ts, base, 0) != OUT_OF_BOUNDS;
    }

    /** {@link #packedWrite} with the call path if known; see {@link #packedRead(ElementStates, Object, int, int, ThreadState, int, int)}. */
    private static int packedWrite(ElementStates es, Object array, int index, int site, ThreadState ts, int base,
                                   int path) {
        ElementStates.Page p = es.page(index);
        if (p == null) return OUT_OF_BOUNDS;
        if (p.cells[ElementStates.cell(index)] == ts.epoch) return path;
        return slowElementWrite(ts, p, index, site, base, path, array);
    }

    /** A read of element {@code index} in its {@link VarState} (optimize=0, predictive mode); false when out of bounds. */
    private static boolean objectRead(Shadow s, Object array, int index, int site, ThreadState ts, int base) {
        VarState v = s.element(index, array);
        if (v == null) return false;
        if (v.r != ts.epoch) slowRead(ts, v, site, base, array, Detector.ELEMENT);
        return true;
    }

    /** {@link #objectRead} for a write. */
    private static boolean objectWrite(Shadow s, Object array, int index, int site, ThreadState ts, int base) {
        VarState v = s.element(index, array);
        if (v == null) return false;
        if (v.w != ts.epoch) slowWrite(ts, v, site, base, array, Detector.ELEMENT);
        return true;
    }

    /** Whether reads are being deferred to a StampedLock validation (see {@link OptimisticReads}). */
    private static boolean deferring(ThreadState ts) {
        OptimisticReads o = (OptimisticReads) ts.optimistic;
        return o != null && o.active();
    }

    // ---- array loops checked before they run (see the instrumenter's CheckPlacement) -------------------------

    /**
     * The bound {@code x.length} of a loop {@code for (i = a; i < x.length; i += s)}, read before the loop: the
     * length, or {@link Integer#MIN_VALUE} when {@code x} is null (the loop's own test will throw before any iteration).
     */
    public static int loopBound(Object array) {
        return array == null ? Integer.MIN_VALUE : Array.getLength(array);
    }

    /**
     * The end (exclusive) of the iterations {@code i = from, from + stride, ...} below {@code to} in which
     * {@code array[i + offset]} is in bounds: from the first {@code i} at which it is not, or from {@code from} if the
     * array is null, the loop throws. Chained over a loop's array accesses, it gives the iterations the loop makes.
     */
    public static long loopEnd(long to, Object array, int from, int offset, int stride) {
        if (to <= from) return to;
        if (array == null) return from;
        long first = (long) from + offset;
        if (first < 0) return from;
        long end = (long) Array.getLength(array) - offset; // i + offset < length
        return Math.max(from, Math.min(to, end));
    }

    /**
     * The reads {@code array[i + offset]} of the iterations {@code i = from, from + stride, ...} below {@code to}, each
     * checked as {@link #arrayRead} would have checked it in the loop (see {@link #loopEnd}).
     */
    public static void loopRead(long to, Object array, int from, int offset, int stride, int site, ThreadState ts,
                                int base) {
        if (ts.ignore != 0 || array == null || to <= from) return;
        // Elements first .. last, every stride-th; all in bounds (loopEnd), so the int arithmetic cannot overflow.
        int first = from + offset;
        int last = (int) (to - 1 - (to - 1 - from) % stride) + offset;
        Shadow s = arrayShadow(array, ts);
        if (Analysis.PACKED_ELEMENTS) {
            ElementStates es = s.elements(array);
            int path = 0;
            for (int e = first; e <= last; e += stride) {
                path = packedRead(es, array, e, site, ts, base, path);
                if (path == OUT_OF_BOUNDS) return;
            }
            return;
        }
        ElementFilter f = ts.lastFilter;
        int mark = ts.filterMark();
        boolean marking = !deferring(ts); // a read in an optimistic window counts only once validated
        for (int e = first; e <= last; e += stride) {
            if (f.read(e, mark)) continue;
            if (!objectRead(s, array, e, site, ts, base)) return;
            if (marking) f.markRead(e, mark);
        }
    }

    /** The writes {@code array[i + offset]} of the iterations of a loop: see {@link #loopRead}. */
    public static void loopWrite(long to, Object array, int from, int offset, int stride, int site, ThreadState ts,
                                 int base) {
        if (ts.ignore != 0 || array == null || to <= from) return;
        int first = from + offset;
        int last = (int) (to - 1 - (to - 1 - from) % stride) + offset;
        Shadow s = arrayShadow(array, ts);
        if (Analysis.PACKED_ELEMENTS) {
            ElementStates es = s.elements(array);
            int path = 0;
            for (int e = first; e <= last; e += stride) {
                path = packedWrite(es, array, e, site, ts, base, path);
                if (path == OUT_OF_BOUNDS) return;
            }
            return;
        }
        ElementFilter f = ts.lastFilter;
        int mark = ts.filterMark();
        for (int e = first; e <= last; e += stride) {
            if (f.written(e, mark)) continue;
            if (!objectWrite(s, array, e, site, ts, base)) return;
            f.markWritten(e, mark);
        }
    }

    /** The most elements of one array range recorded per call (see {@link #arrayRange}). */
    static final int MAX_RANGE_ELEMENTS = 1 << 16;

    /**
     * After a JDK call that read or wrote elements {@code [from, to)} of an array returned ({@code System.arraycopy},
     * {@code Arrays.fill}, an array's {@code clone()}; see ArrayCalls): each element as one access. {@code to} of -1
     * means the array's length; a {@code to} past the end is clipped (copyOf, copyOfRange); past
     * {@link #MAX_RANGE_ELEMENTS} elements the rest of the range is not recorded (a state per element of a 100 MB
     * buffer would cost gigabytes). A range that is not one of the array is ignored.
     */
    public static void arrayRange(Object array, int from, int to, boolean write, int site, ThreadState ts, int base) {
        if (ts.ignore != 0 || array == null || !array.getClass().isArray()) return;
        int length = java.lang.reflect.Array.getLength(array);
        int end = to < 0 ? length : Math.min(to, length);
        if (from < 0 || from > end) return;
        // Each element recorded costs a state: a huge copy or fill is checked on its first elements only.
        end = (int) Math.min(end, (long) from + MAX_RANGE_ELEMENTS);
        Shadow s = arrayShadow(array, ts);
        ElementStates es = Analysis.PACKED_ELEMENTS ? s.elements(array) : null;
        for (int i = from; i < end; i++) {
            boolean inBounds = es != null
                    ? write ? packedWrite(es, array, i, site, ts, base) : packedRead(es, array, i, site, ts, base)
                    : write ? objectWrite(s, array, i, site, ts, base) : objectRead(s, array, i, site, ts, base);
            if (!inBounds) return;
        }
    }

    /**
     * After a call of a {@code clone()} method on an object: the copy's companion fields, copied from the original,
     * are dropped (see {@link InlineShadows#dropCopied}). Not an analysis event, so it runs even while events are
     * ignored; never throws.
     */
    public static void cloned(Object copy, ThreadState ts) {
        if (copy == null || copy.getClass().isArray()) return;
        ts.ignore++; // the first look at a class reflects on it: JDK code racecheck models
        try {
            InlineShadows.dropCopied(copy);
        } catch (Throwable e) {
            Internal.error("dropping a clone's copied field states", e);
        } finally {
            ts.ignore--;
        }
    }

    /**
     * After {@code Arrays.equals}, {@code deepEquals}, {@code compare}, {@code compareUnsigned} or {@code mismatch}
     * returned: the two ranges ({@code to} of -1: the array's length) are read as far as their common length; an
     * equality test of ranges of different lengths reads nothing, nor does a whole-array call given one array twice.
     */
    public static void arraysCompared(Object a, int aFrom, int aTo, Object b, int bFrom, int bTo,
                                      boolean sameLengthOnly, boolean identity, int site, ThreadState ts, int base) {
        if (ts.ignore != 0 || a == null || b == null || (identity && a == b)
                || !a.getClass().isArray() || !b.getClass().isArray()) {
            return;
        }
        int aEnd = aTo < 0 ? java.lang.reflect.Array.getLength(a) : aTo;
        int bEnd = bTo < 0 ? java.lang.reflect.Array.getLength(b) : bTo;
        int aLength = aEnd - aFrom;
        int bLength = bEnd - bFrom;
        if (sameLengthOnly && aLength != bLength) return;
        int common = Math.min(aLength, bLength);
        arrayRange(a, aFrom, aFrom + common, false, site, ts, base);
        arrayRange(b, bFrom, bFrom + common, false, site, ts, base);
    }

    /**
     * Before {@code System.arraycopy} between reference arrays whose destination cannot hold every source element
     * type: when the copy will stop with an ArrayStoreException at the first element the destination cannot hold,
     * records what it does before (the prefix read, the failing element read, the prefix written). A copy that
     * completes is recorded after it returns; one that fails its argument checks touches nothing (JLS: null arrays,
     * non-arrays, primitive and reference or two primitive types, negative positions or length, a range past an
     * end).
     */
    public static void arraycopyStorePrefix(Object src, int srcPos, Object dst, int dstPos, int length, int site,
                                            ThreadState ts, int base) {
        if (ts.ignore != 0 || !(src instanceof Object[]) || !(dst instanceof Object[])) return;
        Class<?> to = dst.getClass().getComponentType();
        if (to.isAssignableFrom(src.getClass().getComponentType())) return; // every element fits: no check per element
        Object[] s = (Object[]) src;
        int dstLength = ((Object[]) dst).length;
        if (srcPos < 0 || dstPos < 0 || length < 0 || srcPos > s.length - length || dstPos > dstLength - length) return;
        for (int i = 0; i < length; i++) {
            Object e = s[srcPos + i];
            if (e != null && !to.isInstance(e)) {
                arrayRange(src, srcPos, srcPos + i + 1, false, site, ts, base);
                arrayRange(dst, dstPos, dstPos + i, true, site, ts, base);
                return;
            }
        }
    }

    /**
     * Before {@code java.lang.reflect.Array.get*(array, index)} or {@code set*(array, index, value)}: the element, as a
     * plain access. {@code type} is the primitive type (descriptor letter) the method takes or returns, 'L' for
     * {@code get}/{@code set}; {@code value} is set(Object)'s value. A call the JDK will reject (no array, an index
     * out of bounds, a type that does not convert) records nothing.
     */
    public static void reflectedElement(Object array, int index, Object value, char type, boolean write, int site,
                                        ThreadState ts, int base) {
        if (ts.ignore != 0 || array == null) return;
        try {
            Class<?> component = array.getClass().getComponentType();
            if (component == null || !ReflectedTypes.converts(component, type, value, write)) return;
            if (write) arrayWrite(array, index, site, ts, base);
            else arrayRead(array, index, site, ts, base);
        } catch (Throwable e) {
            Internal.error("analysing a reflected array access", e);
        }
    }

    /** Before a call that may be on a JDK object that is not thread-safe (a HashMap...): see {@link Containers}. */
    public static void containerCall(Object receiver, int op, int site, ThreadState ts, int base) {
        Containers.call(receiver, op, site, ts, base);
        if (receiver != null && receiver.getClass() == Containers.ARRAYS_LIST) arraysListCall(receiver, op, -1, site, ts, base);
    }

    /** {@link #containerCall} for {@code get(int)} and {@code set(int, e)}, which may act on one element of an array. */
    public static void containerIndexed(Object receiver, int index, int op, int site, ThreadState ts, int base) {
        Containers.call(receiver, op, site, ts, base);
        if (receiver != null && receiver.getClass() == Containers.ARRAYS_LIST) {
            arraysListCall(receiver, op, index, site, ts, base);
        }
    }

    /**
     * A call on an {@code Arrays.asList} list, which shows its array: besides the list's own state, the elements it
     * reads or writes are the array's ({@code get(i)}, {@code set(i, e)}: one; {@code sort}, {@code contains}...: all).
     */
    private static void arraysListCall(Object list, int op, int index, int site, ThreadState ts, int base) {
        if (ts.ignore != 0) return;
        try {
            int use = Containers.elementUse(op);
            if (use == Containers.NO_ELEMENT) return;
            Object array = Containers.arrayOf(list);
            if (array == null) return;
            switch (use) {
                case Containers.READS_ONE -> arrayRead(array, index, site, ts, base);
                case Containers.WRITES_ONE -> arrayWrite(array, index, site, ts, base);
                default -> arrayRange(array, 0, -1, use == Containers.WRITES_ALL, site, ts, base);
            }
        } catch (Throwable e) {
            Internal.error("analysing a call on an Arrays.asList list", e);
        }
    }

    /** Before an iterator's {@code next()}: a read of its container; see {@link #entryReturned}. */
    public static void containerNext(Object iterator, int op, int site, ThreadState ts, int base) {
        Containers.next(iterator, op, site, ts, base);
        if (iterator != null && iterator.getClass() == Containers.ARRAYS_ITERATOR && ts.ignore == 0) {
            // An Arrays.asList list's iterator reads the element of its array at its cursor.
            try {
                Object array = Containers.iteratedArray(iterator);
                if (array != null) arrayRead(array, Containers.iteratedIndex(iterator), site, ts, base);
            } catch (Throwable e) {
                Internal.error("analysing an Arrays.asList iterator", e);
            }
        }
    }

    /** After an iterator's {@code next()}: an entry of a map's entry set is linked to its map. */
    public static void entryReturned(Object element, ThreadState ts) {
        if (ts.pendingEntry != null) Containers.entryReturned(element, ts);
    }

    /** Before a JDK method that reads (or writes) a container passed to it: {@code site} names the method. */
    public static void containerArgument(Object argument, boolean write, int site, ThreadState ts, int base) {
        Containers.argument(argument, write, site, ts, base);
        if (argument != null && argument.getClass() == Containers.ARRAYS_LIST && ts.ignore == 0) {
            // The JDK method reads (or writes) the list's elements: its array's.
            try {
                Object array = Containers.arrayOf(argument);
                if (array != null) arrayRange(array, 0, -1, write, site, ts, base);
            } catch (Throwable e) {
                Internal.error("analysing an Arrays.asList list passed to the JDK", e);
            }
        }
    }

    /** Before a JDK method that formats each element of {@code arguments} (its {@code Object...}): each is read. */
    public static void containerArguments(Object[] arguments, int site, ThreadState ts, int base) {
        if (arguments == null || ts.ignore != 0) return;
        for (Object a : arguments) Containers.argument(a, false, site, ts, base);
    }

    /** Inside a {@code Collections.synchronized*} wrapper's method (a JDK hook): see {@link Containers#wrapperCall}. */
    public static void wrapperCall(Object wrapper, int op, int site) {
        Containers.wrapperCall(wrapper, op, site);
    }

    /**
     * The shadow of an array, through the thread's caches. Loops touch few arrays at a time (SOR reads three rows): the
     * thread's last array, then a small direct-mapped cache by identity hash, spare it the shadow map's lookup. Both
     * hold the map's entries, which refer to the arrays weakly (see {@link ThreadState#lastArray}). Sets
     * {@code ts.lastFilter} to the array's element filter.
     */
    private static Shadow arrayShadow(Object array, ThreadState ts) {
        ShadowMap.Entry e = (ShadowMap.Entry) ts.lastArray;
        if (e == null || !e.refersTo(array)) {
            Object[] entries = ts.arrayEntries;
            if (entries == null) {
                entries = ts.makeArrayCache(new ShadowMap.Entry[ThreadState.ARRAY_CACHE], Config.optimize);
            }
            // Four ways: kernels use a handful of arrays at once, and two of them sharing a slot made every access a
            // map lookup (and a new element filter).
            int h = System.identityHashCode(array);
            int i = h & (ThreadState.ARRAY_CACHE - 1);
            e = (ShadowMap.Entry) entries[i];
            if (e == null || !e.refersTo(array)) {
                int way = 1;
                for (; way < ThreadState.ARRAY_WAYS; way++) {
                    int j = (i + way) & (ThreadState.ARRAY_CACHE - 1);
                    e = (ShadowMap.Entry) entries[j];
                    if (e != null && e.refersTo(array)) {
                        i = j;
                        break;
                    }
                }
                if (way == ThreadState.ARRAY_WAYS) {
                    i = (i + (ts.arrayVictim++ & (ThreadState.ARRAY_WAYS - 1))) & (ThreadState.ARRAY_CACHE - 1);
                    e = SHADOWS.entry(array);
                    entries[i] = e;
                    ts.arrayCached(i, Array.getLength(array));
                }
            }
            ts.lastArray = e;
            ElementFilter[] filters = ts.arrayFilters;
            ts.lastFilter = filters == null ? ElementFilter.OFF : filters[i];
        }
        return e.shadow();
    }

    /**
     * A read of a final static field of reference type: no race is possible on the field itself, but what its
     * class's static initializer built is visible to this thread only through the class-initialization edge.
     */
    public static void classUse(Class<?> owner, int site, ThreadState ts) {
        if (ts.ignore != 0) return;
        Class<?> declaring = declaring(owner, site);
        Shadow s = SHADOWS.get(declaring);
        if (!ts.hasSeenInit(s.classId)) seeInit(ts, s, declaring);
    }

    /** At each normal return of a static initializer (JLS 12.4.2: it happens-before every use of the class). */
    public static void classInitialized(Class<?> c, ThreadState ts) {
        if (ts.ignore != 0) return;
        try {
            DETECTOR.classInitialized(ts, SHADOWS.get(c));
        } catch (Throwable e) {
            Internal.error("recording class initialization", e);
        }
    }

    static void seeInit(ThreadState ts, Shadow s, Class<?> c) {
        // A class without an instrumented static initializer has nothing to publish: mark it seen at once.
        // One whose initializer has not finished yet (it is running on this thread) is looked at again later.
        if (DETECTOR.classUse(ts, s) || !Sites.hasInitializer(c.getName())) {
            ts.markInitSeen(s.classId);
        }
    }

    private static void slowRead(ThreadState ts, VarState v, int site, int base, Object target, int kind) {
        try {
            OptimisticReads o = (OptimisticReads) ts.optimistic;
            if (o != null && o.active() && o.defer(ts, DETECTOR, v, site, base, target, kind)) return;
            DETECTOR.read(ts, v, site, base, target, kind);
        } catch (Throwable e) {
            Internal.error("analysing a read", e);
        }
    }

    /** The detector's read of a packed element; returns the call path it worked out, or 0. Never throws. */
    private static int slowElementRead(ThreadState ts, ElementStates.Page p, int index, int site, int base, int path,
                                       Object array) {
        try {
            OptimisticReads o = (OptimisticReads) ts.optimistic;
            if (o != null && o.active() && o.deferElement(ts, DETECTOR, p, index, site, base, array)) return path;
            return DETECTOR.readElement(ts, p, index, site, base, path, array);
        } catch (Throwable e) {
            Internal.error("analysing a read", e);
            return 0;
        }
    }

    /** The detector's write of a packed element; returns the call path it worked out, or 0. Never throws. */
    private static int slowElementWrite(ThreadState ts, ElementStates.Page p, int index, int site, int base, int path,
                                        Object array) {
        try {
            return DETECTOR.writeElement(ts, p, index, site, base, path, array);
        } catch (Throwable e) {
            Internal.error("analysing a write", e);
            return 0;
        }
    }

    private static void slowWrite(ThreadState ts, VarState v, int site, int base, Object target, int kind) {
        try {
            DETECTOR.write(ts, v, site, base, target, kind);
        } catch (Throwable e) {
            Internal.error("analysing a write", e);
        }
    }

    /**
     * What a static-field site touches, resolved once: the class that declares the field (which may be a supertype
     * of the one named), its shadow, and the field's state (for sites that access it; null for the others). The class
     * is held weakly: this cache lives as long as the JVM and must not keep a class, and so its loader, from being
     * unloaded. (The shadow and state refer to no class.)
     */
    private static final class StaticSite {
        private final WeakReference<Class<?>> declaring;
        final Shadow shadow;
        final VarState var;

        StaticSite(Class<?> declaring, Shadow shadow, VarState var) {
            this.declaring = new WeakReference<>(declaring);
            this.shadow = shadow;
            this.var = var;
        }

        /**
         * The declaring class, for an access whose instruction named {@code owner}: owner or one of its supertypes,
         * which owner keeps loaded, so the weak reference is never found cleared here (owner is the fallback).
         */
        Class<?> declaring(Class<?> owner) {
            Class<?> c = declaring.get();
            return c != null ? c : owner;
        }
    }

    /** Per static-field site; racy reads are fine, as entries are immutable and only ever filled in. */
    private static StaticSite[] staticSites = new StaticSite[1024];

    private static StaticSite staticSite(Class<?> owner, int site, int field) {
        StaticSite[] cache = staticSites;
        if (site < cache.length) {
            StaticSite ss = cache[site];
            if (ss != null) return ss;
        }
        return resolveStaticSite(owner, site, field);
    }

    private static Class<?> declaring(Class<?> owner, int site) {
        return staticSite(owner, site, -1).declaring(owner);
    }

    private static StaticSite resolveStaticSite(Class<?> owner, int site, int field) {
        Class<?> found = owner;
        String name = Sites.fieldOwner(site);
        if (name != null && !name.equals(owner.getName())) {
            Class<?> c = findSupertype(owner, name);
            if (c != null) found = c;
        }
        Shadow shadow = SHADOWS.get(found);
        StaticSite ss = new StaticSite(found, shadow, field < 0 ? null : shadow.field(field));
        synchronized (RaceEvents.class) {
            if (site >= staticSites.length) {
                staticSites = Arrays.copyOf(staticSites, Math.max(site + 1, staticSites.length * 2));
            }
            staticSites[site] = ss;
        }
        return ss;
    }

    private static Class<?> findSupertype(Class<?> c, String name) {
        if (c == null) return null;
        if (c.getName().equals(name)) return c;
        Class<?> s = findSupertype(c.getSuperclass(), name);
        if (s != null) return s;
        for (Class<?> i : c.getInterfaces()) {
            s = findSupertype(i, name);
            if (s != null) return s;
        }
        return null;
    }

    // ---- synchronization in application code ---------------------------------------------------------------

    /** After a volatile read of field {@code key} ({@link Sites#syncKey}) of {@code owner}: acquire. */
    public static void volatileRead(Object owner, int key, ThreadState ts) {
        if (ts.ignore != 0 || owner == null) return;
        DETECTOR.acquireField(ts, syncShadow(owner, ts), key);
    }

    /** Before a volatile write: release. */
    public static void volatileWrite(Object owner, int key, ThreadState ts) {
        if (ts.ignore != 0 || owner == null) return;
        DETECTOR.releaseField(ts, syncShadow(owner, ts), key);
    }

    /**
     * The shadow of a lock or volatile's object; the thread's last one is kept at hand (spin loops, lock loops), by
     * its map entry, which refers to the object weakly (see {@link ThreadState#lastSync}).
     */
    private static Shadow syncShadow(Object o, ThreadState ts) {
        ShadowMap.Entry e = (ShadowMap.Entry) ts.lastSync;
        if (e == null || !e.refersTo(o)) {
            e = SHADOWS.entry(o);
            ts.lastSync = e;
        }
        return e.shadow();
    }

    public static void staticVolatileRead(Class<?> owner, int key, int site, ThreadState ts) {
        if (ts.ignore != 0) return;
        DETECTOR.acquireField(ts, staticSite(owner, site, -1).shadow, key);
    }

    public static void staticVolatileWrite(Class<?> owner, int key, int site, ThreadState ts) {
        if (ts.ignore != 0) return;
        DETECTOR.releaseField(ts, staticSite(owner, site, -1).shadow, key);
    }

    // ---- schedule exploration (see Schedule; emitted only when it is armed) -----------------------------------

    /** Before a synchronization operation of application code: monitorenter and monitorexit, volatile accesses. */
    public static void schedulePoint(ThreadState ts) {
        Schedule.point(ts);
    }

    /** On entry of a modelled JDK method (a lock, a latch, a queue, an atomic...): finds the thread's state itself. */
    public static void schedulePoint() {
        if (!Schedule.exploring || !Analysis.enabled) return;
        Schedule.point(CURRENT.get());
    }

    /** After monitorenter, and on entry of a synchronized method (detect_deadlocks=0 and predict=0). */
    public static void monitorEnter(Object lock, ThreadState ts) {
        if (ts.ignore != 0 || lock == null) return;
        DETECTOR.lock(ts, syncShadow(lock, ts), Detector.MONITOR, Detector.NO_PATH, lock);
    }

    /** Before monitorenter: the thread may block on {@code lock} (lock-order and deadlock detection, see Locks). */
    public static void monitorWait(Object lock, ThreadState ts) {
        if (ts.ignore != 0 || lock == null) return;
        try {
            Locks.waiting(ts, lock, Locks.MONITOR);
        } catch (Throwable e) {
            Internal.error("tracking a monitor wait", e);
        }
    }

    /**
     * After monitorenter, and on entry of a synchronized method, with where: {@code site} (the monitorenter's line, or
     * the synchronized method's first) in frame {@code base}. The lock joins the thread's held locks.
     */
    public static void monitorEnter(Object lock, ThreadState ts, int site, int base) {
        if (ts.ignore != 0 || lock == null) return;
        Shadow s = syncShadow(lock, ts);
        try {
            // Predictive mode keeps where each critical section began, for the reports of predicted races.
            DETECTOR.lock(ts, s, Detector.MONITOR, Analysis.PREDICT ? path(ts, base, site) : Detector.NO_PATH, lock);
        } catch (Throwable e) {
            Internal.error("modelling a monitor enter", e);
        }
        if (Locks.ENABLED) Locks.acquired(ts, s, lock, Locks.MONITOR, base, site);
    }

    /** Before monitorexit, and on every exit of a synchronized method. */
    public static void monitorExit(Object lock, ThreadState ts) {
        if (ts.ignore != 0 || lock == null) return;
        Shadow s = syncShadow(lock, ts);
        DETECTOR.unlock(ts, s, Detector.MONITOR, Detector.NO_PATH);
        if (Locks.ENABLED) Locks.released(ts, s, Locks.MONITOR);
    }

    /**
     * Predictive mode's {@link #monitorExit}: the instrumented code says where ({@code site} in frame {@code base}),
     * so that a predicted race can show where its critical sections ended.
     */
    public static void monitorExitAt(Object lock, ThreadState ts, int site, int base) {
        if (ts.ignore != 0 || lock == null) return;
        Shadow s = syncShadow(lock, ts);
        try {
            DETECTOR.unlock(ts, s, Detector.MONITOR, path(ts, base, site));
        } catch (Throwable e) {
            Internal.error("modelling a monitor exit", e);
        }
        if (Locks.ENABLED) Locks.released(ts, s, Locks.MONITOR);
    }

    /** The call path of a lock operation at {@code site} in frame {@code base}; may capture a stack (JDK code ignored). */
    private static int path(ThreadState ts, int base, int site) {
        ts.ignore++;
        try {
            return CallPaths.leaf(ts, base, site);
        } finally {
            ts.ignore--;
        }
    }

    /**
     * In predictive mode, the call path of the application's call that is running a JDK lock method now, when that
     * call is one of the lock calls the instrumenter marked ({@link LockCalls}): the innermost application frame's
     * current call site. {@link Detector#NO_PATH} otherwise: the JDK locks for itself (a queue's internal lock),
     * or happens-before mode, which needs no path.
     */
    private static int lockCallPath(ThreadState ts) {
        if (!Analysis.PREDICT) return Detector.NO_PATH;
        int base = ts.depth - 1;
        if (base < 0 || base >= ts.sites.length) return Detector.NO_PATH;
        int site = ts.sites[base] & ~CallPaths.MARK;
        return LockCalls.isLockCall(site) ? path(ts, base, site) : Detector.NO_PATH;
    }

    // ---- calls replaced in application code ----------------------------------------------------------------

    public static void join(Thread t) throws InterruptedException {
        if (Schedule.ARMED) timesOutNow(false);
        t.join();
        joined(t);
    }

    public static void join(Thread t, long millis) throws InterruptedException {
        // Explored: a timed join of a live thread may time out at once (it waits "at most" millis), after the checks
        // the JDK makes before it waits.
        if (Schedule.ARMED && timesOutNow(cuttable(millis, 0) && t.isAlive())) {
            if (Thread.interrupted()) throw new InterruptedException();
            return; // timed out: no edge
        }
        t.join(millis);
        joined(t);
    }

    public static void join(Thread t, long millis, int nanos) throws InterruptedException {
        if (Schedule.ARMED && nanos >= 0 && nanos <= 999999 && timesOutNow(cuttable(millis, nanos) && t.isAlive())) {
            if (Thread.interrupted()) throw new InterruptedException();
            return;
        }
        t.join(millis, nanos);
        joined(t);
    }

    /**
     * The longest timed join or wait that exploration may cut short: a thread that does not run for a second happens on
     * a loaded machine; one that waits out a 30-second safety timeout is not a schedule worth reporting races of.
     */
    static final Duration CUTTABLE = Duration.ofSeconds(1);

    private static boolean cuttable(long millis, int nanos) {
        return (millis > 0 || nanos > 0) && millis < CUTTABLE.toMillis();
    }

    /**
     * Schedule exploration before a wait or join: a schedule point, then, for a {@code timed} one, whether it returns at
     * once as if its time had run out (never for an untimed one: 0 means forever).
     */
    private static boolean timesOutNow(boolean timed) {
        if (!Analysis.enabled) return false;
        ThreadState ts = CURRENT.get();
        // Decided first: a wait at the point would let the thread waited for run on, and the time-out not happen.
        if (timed && Schedule.timesOutNow(ts)) return true;
        Schedule.point(ts);
        return false;
    }

    /** {@code Thread.join(Duration)} (JDK 19+); racecheck is compiled for 17, hence the method handle. */
    public static boolean join(Thread t, Duration d) throws InterruptedException {
        boolean ended;
        if (Schedule.ARMED && d != null
                && timesOutNow(!d.isNegative() && !d.isZero() && d.compareTo(CUTTABLE) <= 0 && t.isAlive())) {
            if (Thread.interrupted()) throw new InterruptedException();
            return false;
        }
        try {
            ended = (boolean) JOIN_DURATION.invokeExact(t, d);
        } catch (InterruptedException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
        joined(t);
        return ended;
    }

    /** {@code Thread.isAlive()}: returning false is a join (JLS 17.4.4). */
    public static boolean isAlive(Thread t) {
        boolean alive = t.isAlive();
        if (!alive) joined(t);
        return alive;
    }

    /** A join that returned while the thread still runs (timed out) is no edge. */
    private static void joined(Thread t) {
        if (t.isAlive()) return;
        ThreadState ts = CURRENT.get();
        if (ts.ignore != 0) return;
        Shadow s = SHADOWS.peek(t);
        ThreadState child = s == null ? null : s.thread;
        if (child != null) DETECTOR.join(ts, child);
    }

    /** {@code Object.wait()}: releases the monitor while waiting and acquires it again, even when interrupted. */
    public static void wait(Object o) throws InterruptedException {
        if (Schedule.ARMED) timesOutNow(false);
        boolean held = waitBegins(o);
        try {
            o.wait();
        } finally {
            if (held) waitEnds(o);
        }
    }

    public static void wait(Object o, long millis) throws InterruptedException {
        boolean cut = Schedule.ARMED && timesOutNow(cuttable(millis, 0) && o != null && Thread.holdsLock(o));
        boolean held = waitBegins(o);
        try {
            // Explored: a spurious wake-up at once (a wait that returns without a notify is allowed).
            if (cut) wakeAtOnce(millis, 0);
            else o.wait(millis);
        } finally {
            if (held) waitEnds(o);
        }
    }

    public static void wait(Object o, long millis, int nanos) throws InterruptedException {
        boolean cut = Schedule.ARMED && timesOutNow(cuttable(millis, nanos) && o != null && Thread.holdsLock(o));
        boolean held = waitBegins(o);
        try {
            if (cut) wakeAtOnce(millis, nanos);
            else o.wait(millis, nanos);
        } finally {
            if (held) waitEnds(o);
        }
    }

    /** What {@code wait(millis, nanos)} would throw before waiting, for a wait cut short. */
    private static void wakeAtOnce(long millis, int nanos) throws InterruptedException {
        if (millis < 0) throw new IllegalArgumentException("timeout value is negative");
        if (nanos < 0 || nanos > 999999) throw new IllegalArgumentException("nanosecond timeout value out of range");
        if (Thread.interrupted()) throw new InterruptedException();
    }

    private static boolean waitBegins(Object o) {
        // Without the monitor, wait() throws IllegalMonitorStateException and nothing is released.
        if (o == null || !Thread.holdsLock(o)) return false;
        ThreadState ts = CURRENT.get();
        if (ts.ignore == 0) {
            Shadow s = SHADOWS.get(o);
            DETECTOR.waitRelease(ts, s, Detector.MONITOR);
            if (Locks.ENABLED) Locks.waitBegins(ts, s, o, Locks.MONITOR);
        }
        return true;
    }

    /**
     * The monitor is held again. Taking it back is a blocking acquisition at the wait's call (the program's frame
     * called this method), made while holding the thread's other locks: see {@link Locks#waitEnds}.
     */
    private static void waitEnds(Object o) {
        ThreadState ts = CURRENT.get();
        if (ts.ignore == 0) {
            Shadow s = SHADOWS.get(o);
            DETECTOR.waitAcquire(ts, s, Detector.MONITOR);
            if (Locks.ENABLED) Locks.waitEnds(ts, s, Locks.MONITOR, 0, -1);
        }
    }

    // ---- hooks inside JDK classes (retransformed) ------------------------------------------------------------

    /** Entry of {@code Thread.start()}: the child inherits everything the parent did so far. */
    public static void threadStart(Thread child) {
        if (!Analysis.enabled) return;
        ThreadState parent = CURRENT.get();
        if (parent.ignore != 0) return;
        if (Schedule.ARMED) Schedule.point(parent);
        parent.ignore++;
        try {
            if (child.getState() != Thread.State.NEW) return; // start() is about to throw
            Shadow s = SHADOWS.get(child);
            if (s.thread != null) return;
            ThreadState state = Threads.create(child, parent.clock, CallPaths.startStack(parent));
            state.testId = parent.testId;
            if (Schedule.ARMED) Schedule.started(parent, state, child);
            s.thread = state;
            DETECTOR.fork(parent, state);
        } catch (Throwable e) {
            Internal.error("recording a thread start", e);
        } finally {
            parent.ignore--;
        }
    }

    /** The key non-daemon threads release their end into, and the JVM's shutdown acquires. */
    private static final Object SHUTDOWN = new Object();

    /** Shutdown hooks start: everything the ended non-daemon threads did happens-before them. */
    public static void shutdownBegins() {
        acquire(SHUTDOWN);
    }

    /** A thread ends (Thread.exit, or a virtual thread's afterDone): its clock slot can be reused. */
    public static void threadExit(Thread t) {
        if (!Analysis.enabled) return;
        try {
            Shadow s = SHADOWS.peek(t);
            ThreadState ts = s == null ? null : s.thread;
            // The JVM shuts down only once every non-daemon thread has ended: each one's end is released to the
            // shutdown (Thread.exit runs on the ending thread itself).
            if (ts != null && !t.isDaemon() && ts.ignore == 0 && t == Thread.currentThread()) {
                DETECTOR.release(ts, SHADOWS.get(SHUTDOWN));
            }
            if (ts != null && !ts.ended()) DETECTOR.ended(ts);
            if (ts != null && Schedule.ARMED) Schedule.ended(ts);
            if (ts != null) Threads.ended(ts);
        } catch (Throwable e) {
            Internal.error("recording a thread end", e);
        }
    }

    /** A modelled JDK method acquires {@code key} (a lock, a latch, an element taken from a queue). */
    public static void acquire(Object key) {
        if (!Analysis.enabled || key == null) return;
        ThreadState ts = CURRENT.get();
        if (ts.ignore != 0) return;
        try {
            Shadow s = SHADOWS.get(key);
            if (!s.internal()) DETECTOR.acquire(ts, s);
        } catch (Throwable e) {
            Internal.error("modelling an acquire", e);
        }
    }

    /** Acquires only when the modelled call succeeded (tryLock, await with a timeout, offer). */
    public static void acquireIf(boolean succeeded, Object key) {
        if (succeeded) acquire(key);
    }

    /** Acquires every element of an array or JDK collection (allOf's sources, invokeAll's futures, a list's copy). */
    public static void acquireEach(Object keys) {
        Object[] elements = elements(keys);
        if (elements != null) {
            for (Object k : elements) acquire(k);
        }
    }

    /**
     * The elements of an array, of a collection of a JDK class, or the keys and values of a map of a JDK class
     * (copied with racecheck's events off: its own hooks are not the program's); null for anything else, a
     * collection class of the program's among them, whose methods racecheck does not call.
     */
    static Object[] elements(Object keys) {
        if (keys instanceof Object[]) return (Object[]) keys;
        if (!Analysis.enabled || !(keys instanceof java.util.Collection || keys instanceof java.util.Map)
                || keys.getClass().getClassLoader() != null) {
            return null;
        }
        ThreadState ts = CURRENT.get();
        if (ts.ignore != 0) return null;
        ts.ignore++;
        try {
            return Containers.heldBy(keys);
        } catch (RuntimeException e) {
            return null; // a JDK collection the program modifies concurrently: its own call will fail the same way
        } finally {
            ts.ignore--;
        }
    }

    // ---- locks: java.util.concurrent.locks (the JDK model's hooks) -----------------------------------------

    /*
     * A lock's key is its shared Sync (ReentrantLock, ReentrantReadWriteLock: its read and write lock and its
     * conditions meet there) or the StampedLock itself. A read-write lock has a write clock (the shadow's own) and a
     * read clock (Detector.READ_CLOCK), as ThreadSanitizer's RWMutex: a write unlock releases into the write clock, a
     * read unlock into the read clock; a write lock acquires both, a read lock only the write clock: read-unlock to
     * read-lock is no edge. The hooks pass the lock object the program holds ({@code self}) for reports.
     */

    /** A write lock was taken (ReentrantLock, a read-write lock's write lock, a StampedLock's write lock). */
    public static void lockWrite(Object key, Object self) {
        lockEvent(key, self, Detector.WRITE_LOCK);
    }

    public static void lockWriteIf(boolean succeeded, Object key, Object self) {
        if (succeeded) lockEvent(key, self, Detector.WRITE_LOCK);
    }

    public static void lockWriteIfStamp(long stamp, Object key, Object self) {
        if (stamp != 0L) lockEvent(key, self, Detector.WRITE_LOCK);
    }

    /** A read lock was taken. */
    public static void lockRead(Object key, Object self) {
        lockEvent(key, self, Detector.READ_LOCK);
    }

    public static void lockReadIf(boolean succeeded, Object key, Object self) {
        if (succeeded) lockEvent(key, self, Detector.READ_LOCK);
    }

    public static void lockReadIfStamp(long stamp, Object key, Object self) {
        if (stamp != 0L) lockEvent(key, self, Detector.READ_LOCK);
    }

    // ---- calls that synchronize only when they succeed, or also when they throw ------------------------------

    /** countDown() of a latch whose count is still positive (at zero it does nothing). */
    public static void releaseIfPositive(int count, Object latch) {
        if (count > 0) release(latch);
    }

    /**
     * A compare-and-set of an atomic: it releases when the variable holds the expected value on entry, so that it
     * will write (a failed one writes nothing). Primitives compare as the atomic does (AtomicBoolean holds an int).
     */
    public static void releaseIfSame(int current, int expected, Object atomic) {
        if (current == expected) release(atomic);
    }

    public static void releaseIfSame(long current, long expected, Object atomic) {
        if (current == expected) release(atomic);
    }

    public static void releaseIfSame(Object current, Object expected, Object atomic) {
        if (current == expected) release(atomic);
    }

    /** AtomicStampedReference / AtomicMarkableReference: the reference and the stamp (mark) both as expected. */
    public static void releaseIfSame(Object current, Object expected, int currentStamp, int expectedStamp,
                                     Object atomic) {
        if (current == expected && currentStamp == expectedStamp) release(atomic);
    }

    /** A field updater's compare-and-set: releases into {@code target}'s field when it holds the expected value. */
    public static void updaterReleaseIfSame(Object updater, int expected, Object target) {
        if (!Analysis.enabled || target == null) return;
        Object current = updaterValue(updater, target);
        if (current instanceof Integer i && i == expected) updaterRelease(updater, target);
    }

    public static void updaterReleaseIfSame(Object updater, long expected, Object target) {
        if (!Analysis.enabled || target == null) return;
        Object current = updaterValue(updater, target);
        if (current instanceof Long l && l == expected) updaterRelease(updater, target);
    }

    public static void updaterReleaseIfSame(Object updater, Object expected, Object target) {
        if (!Analysis.enabled || target == null) return;
        Object current = updaterValue(updater, target);
        if (current == expected || current == UNREADABLE) updaterRelease(updater, target);
    }

    /** Marks a value the updater could not read (its own checks will fail the call): release as before. */
    private static final Object UNREADABLE = new Object();

    /**
     * The field's value, read through the updater itself (a JDK implementation class: no program code runs) with
     * racecheck's events off; {@link #UNREADABLE} when its checks reject the target (the call will throw).
     */
    private static Object updaterValue(Object updater, Object target) {
        ThreadState ts = CURRENT.get();
        if (ts.ignore != 0) return UNREADABLE;
        ts.ignore++;
        try {
            if (updater instanceof java.util.concurrent.atomic.AtomicIntegerFieldUpdater<?> u) {
                return ((java.util.concurrent.atomic.AtomicIntegerFieldUpdater<Object>) u).get(target);
            }
            if (updater instanceof java.util.concurrent.atomic.AtomicLongFieldUpdater<?> u) {
                return ((java.util.concurrent.atomic.AtomicLongFieldUpdater<Object>) u).get(target);
            }
            if (updater instanceof java.util.concurrent.atomic.AtomicReferenceFieldUpdater<?, ?> u) {
                return ((java.util.concurrent.atomic.AtomicReferenceFieldUpdater<Object, Object>) u).get(target);
            }
            return UNREADABLE;
        } catch (RuntimeException e) {
            return UNREADABLE;
        } finally {
            ts.ignore--;
        }
    }

    /** A ForkJoinTask looked at, however the call ended: acquires once the task is done (status negative). */
    public static void acquireIfDone(int status, Object task) {
        if (status < 0) acquire(task);
    }

    /** Each task of ForkJoinTask.invokeAll's argument that is done (all of them when it returns normally). */
    public static void acquireEachDone(Object tasks) {
        Object[] elements = tasks instanceof java.util.concurrent.ForkJoinTask ? new Object[] {tasks} : elements(tasks);
        if (elements == null) return;
        for (Object e : elements) {
            if (e instanceof java.util.concurrent.ForkJoinTask<?> t && t.isDone()) acquire(t);
        }
    }

    /**
     * Each future invokeAll returns that completed, normally or not, but was not cancelled (a timed invokeAll cancels
     * the ones that did not finish in time). Only the JDK's FutureTask is asked (its isDone and isCancelled are its
     * own, not a subclass's code); any other future is acquired.
     */
    public static void acquireEachCompleted(Object futures) {
        Object[] elements = elements(futures);
        if (elements == null) return;
        for (Object e : elements) {
            if (e != null && e.getClass() == java.util.concurrent.FutureTask.class) {
                java.util.concurrent.FutureTask<?> f = (java.util.concurrent.FutureTask<?>) e;
                if (!f.isDone() || f.isCancelled()) continue;
            }
            acquire(e);
        }
    }

    /** FutureTask.set/setException: the task completes only while it is NEW (state 0), not once cancelled. */
    public static void releaseIfZero(int state, Object task) {
        if (state == 0) release(task);
    }

    /** Future.get threw: ExecutionException means the task completed (it threw); anything else is no completion. */
    public static void acquireIfExecutionException(Object thrown, Object future) {
        if (thrown instanceof java.util.concurrent.ExecutionException) acquire(future);
    }

    /** FutureTask.state() (JDK 19+) returned SUCCESS or FAILED: the task completed. */
    public static void acquireIfStateDone(Object state, Object future) {
        if (state instanceof Enum<?> e && (e.name().equals("SUCCESS") || e.name().equals("FAILED"))) acquire(future);
    }

    /** A CompletableFuture completion attempt: it completes, and releases, only a future with no result yet. */
    public static void releaseIfNull(Object result, Object future) {
        if (result == null) release(future);
    }

    /** A CompletableFuture looked at: acquires once it has a result, however the call ends. */
    public static void acquireIfNonNull(Object result, Object future) {
        if (result != null) acquire(future);
    }

    /**
     * The other source of a CompletableFuture bi- or or-stage, as the stage is added: acquired if it is complete (the
     * function may run at once). Only the JDK's own futures are asked (isDone of a JDK class).
     */
    public static void acquireStageIfDone(Object stage) {
        if (stage instanceof java.util.concurrent.CompletableFuture<?> f && f.getClass().getClassLoader() == null
                && f.isDone()) {
            acquire(f);
        }
    }

    // ---- phasers: per-phase clocks in the root's shadow (see PhaseClocks) --------------------------------------

    /** An arrival at {@code phase} (negative: the phaser has terminated, the arrival does nothing). */
    public static void phaseArrive(int phase, Object root) {
        if (!Analysis.enabled || phase < 0 || root == null) return;
        ThreadState ts = CURRENT.get();
        if (ts.ignore != 0) return;
        try {
            DETECTOR.release(ts, SHADOWS.get(root).phases().arrival(phase));
        } catch (Throwable e) {
            Internal.error("modelling a phaser arrival", e);
        }
    }

    /** onAdvance ran, before the phase it ends advances: released into that phase (the root's current one). */
    public static void phaseOnAdvance(Object phaser, Object root) {
        if (!Analysis.enabled || !(phaser instanceof java.util.concurrent.Phaser p)) return;
        phaseArrive(p.getPhase(), root);
    }

    /** awaitAdvance(awaited) returned {@code result}: the phases up to {@code awaited} have advanced if it is past. */
    public static void phaseAdvanced(int result, int awaited, Object root) {
        if (awaited < 0) return; // returned at once, the argument itself
        if (result < 0) {
            phaseTerminated(root);
        } else if (dev.racecheck.agent.runtime.shadow.PhaseClocks.before(awaited, result)) {
            phaseAcquire(awaited, root);
        }
    }

    /** arriveAndAwaitAdvance() returned {@code result}: the next phase, so the one it arrived at has advanced. */
    public static void phaseArrivedAndAdvanced(int result, Object root) {
        if (result < 0) phaseTerminated(root);
        else phaseAcquire((result - 1) & Integer.MAX_VALUE, root);
    }

    private static void phaseAcquire(int phase, Object root) {
        if (!Analysis.enabled || root == null) return;
        ThreadState ts = CURRENT.get();
        if (ts.ignore != 0) return;
        try {
            dev.racecheck.agent.runtime.shadow.SyncClock c = SHADOWS.get(root).phases().upTo(phase);
            if (c != null) DETECTOR.acquire(ts, c);
        } catch (Throwable e) {
            Internal.error("modelling a phase advance", e);
        }
    }

    /** The phaser terminated: every arrival happened before. */
    private static void phaseTerminated(Object root) {
        if (!Analysis.enabled || root == null) return;
        ThreadState ts = CURRENT.get();
        if (ts.ignore != 0) return;
        try {
            dev.racecheck.agent.runtime.shadow.SyncClock c = SHADOWS.get(root).phases().newest();
            if (c != null) DETECTOR.acquire(ts, c);
        } catch (Throwable e) {
            Internal.error("modelling a phaser termination", e);
        }
    }

    // ---- lock order and deadlocks: hooks in the JDK's locks (see Locks; only with detect_deadlocks) -----------

    /** A {@code ReentrantLock} or {@code ReentrantReadWriteLock} was made: {@code sync} is where its operations meet. */
    public static void lockCreated(Object lock, Object sync, int family) {
        if (!Analysis.enabled || sync == null) return;
        ThreadState ts = CURRENT.get();
        if (ts.ignore != 0) return;
        ts.ignore++;
        try {
            Locks.created(SHADOWS.get(sync), sync, lock, family);
        } catch (Throwable e) {
            Internal.error("naming a lock", e);
        } finally {
            ts.ignore--;
        }
    }

    /**
     * A ReentrantLock's or read-write lock's lock method returned holding the lock ({@code sync} its shared sync,
     * {@code self} the lock object the program holds, for reports): the detector's lock event (a write lock or a read
     * lock, see {@link Detector#READ_CLOCK}; with its call path in predictive mode) and its lock-order tracking, with
     * one thread-state and one shadow lookup. A queue's own lock ({@link Shadow#internal}) orders nothing for the
     * program, but is a lock all the same.
     */
    public static void locked(Object sync, int how, Object self) {
        if (!Analysis.enabled || sync == null) return;
        ThreadState ts = CURRENT.get();
        if (ts.ignore != 0) return;
        Shadow s;
        try {
            s = SHADOWS.get(sync);
            if (!s.internal()) DETECTOR.lock(ts, s, mode(how), lockCallPath(ts), self);
        } catch (Throwable e) {
            Internal.error("modelling a lock", e);
            return;
        }
        Locks.acquired(ts, s, sync, how, 0, -1);
    }

    /** A tryLock returned: {@link #locked} if it succeeded; either way the thread no longer waits for the lock. */
    public static void lockedIf(boolean succeeded, Object sync, int how, Object self) {
        if (succeeded) locked(sync, how, self);
        else lockAbandoned(sync);
    }

    /**
     * On entry of unlock: the release (a read unlock into the read clock) and one hold given back, if the thread holds
     * the lock ({@code held}: sync.isHeldExclusively(), or its read hold count); else unlock throws, having done
     * nothing.
     */
    public static void unlocked(int held, Object sync, int how) {
        if (!Analysis.enabled || sync == null || held == 0) return;
        ThreadState ts = CURRENT.get();
        if (ts.ignore != 0) return;
        try {
            Shadow s = SHADOWS.get(sync);
            if (!s.internal()) DETECTOR.unlock(ts, s, mode(how), lockCallPath(ts));
            Locks.released(ts, s, how);
        } catch (Throwable e) {
            Internal.error("modelling an unlock", e);
        }
    }

    /** {@code Condition.await*} begins: it releases the lock of {@code sync} and gives it up until it returns. */
    public static void awaitBegins(Object sync) {
        if (!Analysis.enabled || sync == null) return;
        ThreadState ts = CURRENT.get();
        if (ts.ignore != 0) return;
        try {
            Shadow s = SHADOWS.get(sync);
            if (!s.internal()) DETECTOR.waitRelease(ts, s, Detector.WRITE_LOCK);
            Locks.waitBegins(ts, s, sync, -1);
        } catch (Throwable e) {
            Internal.error("modelling a condition wait", e);
        }
    }

    /**
     * {@code Condition.await*} returns, holding the lock again: acquires it as a write lock, and takes it back at the
     * program's call of await.
     */
    public static void awaitEnds(Object sync) {
        if (!Analysis.enabled || sync == null) return;
        ThreadState ts = CURRENT.get();
        if (ts.ignore != 0) return;
        Shadow s;
        try {
            s = SHADOWS.get(sync);
            if (!s.internal()) DETECTOR.waitAcquire(ts, s, Detector.WRITE_LOCK);
        } catch (Throwable e) {
            Internal.error("modelling a condition wait", e);
            return;
        }
        Locks.waitEnds(ts, s, -1, 0, -1);
    }

    /**
     * {@code Condition.await*} threw: InterruptedException is thrown with the lock taken back ({@link #awaitEnds});
     * anything else (the lock was not held) without it, and the thread waits for nothing.
     */
    public static void awaitThrew(Object thrown, Object sync) {
        if (thrown instanceof InterruptedException) {
            awaitEnds(sync);
        } else {
            lockAbandoned(sync);
        }
    }

    /** The detector's lock mode of a lock-order {@code how}: a read lock, or a write lock (a ReentrantLock's too). */
    private static int mode(int how) {
        return (how & Locks.SHARED) != 0 ? Detector.READ_LOCK : Detector.WRITE_LOCK;
    }

    /** On entry of a blocking lock method: the thread may block on {@code key}'s lock. */
    public static void lockWaiting(Object key, int how) {
        if (!Analysis.enabled || key == null) return;
        ThreadState ts = CURRENT.get();
        if (ts.ignore != 0) return;
        try {
            Locks.waiting(ts, key, how);
        } catch (Throwable e) {
            Internal.error("tracking a lock wait", e);
        }
    }

    /** A lock method returned holding {@code key}'s lock. */
    public static void lockAcquired(Object key, int how) {
        if (!Analysis.enabled || key == null) return;
        ThreadState ts = CURRENT.get();
        if (ts.ignore != 0) return;
        Shadow s;
        try {
            s = SHADOWS.get(key);
        } catch (Throwable e) {
            Internal.error("tracking a lock acquisition", e);
            return;
        }
        Locks.acquired(ts, s, key, how, 0, -1);
    }

    /** A tryLock returned: holding the lock if it succeeded; either way, no longer waiting for it. */
    public static void lockAcquiredIf(boolean succeeded, Object key, int how) {
        if (succeeded) lockAcquired(key, how);
        else lockAbandoned(key);
    }

    /** A StampedLock's try method returned a stamp: zero means it failed. */
    public static void lockAcquiredIfStamp(long stamp, Object key, int how) {
        lockAcquiredIf(stamp != 0L, key, how);
    }

    /** A blocking lock method ends without the lock (it threw): the thread no longer waits for it. */
    public static void lockAbandoned(Object key) {
        if (!Analysis.enabled || key == null) return;
        ThreadState ts = CURRENT.get();
        if (ts.ignore == 0) Locks.notWaiting(ts);
    }

    /** On entry of an unlock method: the thread gives back one hold of {@code key}'s lock. */
    public static void lockReleased(Object key, int how) {
        if (!Analysis.enabled || key == null) return;
        ThreadState ts = CURRENT.get();
        if (ts.ignore != 0) return;
        try {
            Shadow s = SHADOWS.peek(key);
            if (s != null) Locks.released(ts, s, how);
        } catch (Throwable e) {
            Internal.error("tracking a lock release", e);
        }
    }

    /** {@code StampedLock.unlock(stamp)}: gives back the lock the stamp holds. */
    public static void lockReleasedStamp(long stamp, Object key) {
        if (java.util.concurrent.locks.StampedLock.isWriteLockStamp(stamp)) lockReleased(key, Locks.RW);
        else if (java.util.concurrent.locks.StampedLock.isReadLockStamp(stamp)) lockReleased(key, Locks.RW | Locks.SHARED);
    }

    /**
     * A StampedLock conversion ({@code tryConvertTo*}) returned {@code stamp} for {@code old}: on success the lock
     * {@code old} held is given back and the one {@code stamp} holds taken, without blocking.
     */
    public static void stampConverted(long stamp, Object key, long old) {
        if (stamp == 0L || stamp == old) return;
        lockReleasedStamp(old, key);
        if (java.util.concurrent.locks.StampedLock.isWriteLockStamp(stamp)) {
            lockAcquired(key, Locks.RW | Locks.NONBLOCKING);
        } else if (java.util.concurrent.locks.StampedLock.isReadLockStamp(stamp)) {
            lockAcquired(key, Locks.RW | Locks.SHARED | Locks.NONBLOCKING);
        }
    }

    /** Before a monitorenter in a JDK class whose monitors the program relies on (a synchronized wrapper, Vector). */
    public static void jdkMonitorWait(Object lock) {
        lockWaiting(lock, Locks.MONITOR);
    }

    /** After that monitorenter, or on entry of such a synchronized method: acquires the monitor, and holds it. */
    public static void jdkMonitorAcquired(Object lock) {
        if (!Analysis.enabled || lock == null) return;
        ThreadState ts = CURRENT.get();
        if (ts.ignore != 0) return;
        Shadow s;
        try {
            s = SHADOWS.get(lock);
            if (!s.internal()) DETECTOR.acquire(ts, s);
        } catch (Throwable e) {
            Internal.error("modelling an acquire", e);
            return;
        }
        Locks.acquired(ts, s, lock, Locks.MONITOR, 0, -1);
    }

    /** Before that monitorexit, or on every exit of such a synchronized method. */
    public static void jdkMonitorReleased(Object lock) {
        if (!Analysis.enabled || lock == null) return;
        ThreadState ts = CURRENT.get();
        if (ts.ignore != 0) return;
        try {
            Shadow s = SHADOWS.get(lock);
            if (!s.internal()) DETECTOR.release(ts, s);
            Locks.released(ts, s, Locks.MONITOR);
        } catch (Throwable e) {
            Internal.error("modelling a release", e);
        }
    }

    // ---- locks, continued: conversions, unlocks, Condition.await (detect_deadlocks=0) ------------------------

    /**
     * StampedLock.tryConvertToWriteLock returned {@code stamp}: the write lock is held now. Converting the read lock
     * (or the write lock itself) the thread already holds keeps the same hold; from an optimistic read it is a new one.
     */
    public static void convertToWriteIfStamp(long stamp, Object key, Object self) {
        if (stamp == 0L || !Analysis.enabled || key == null) return;
        ThreadState ts = CURRENT.get();
        if (ts.ignore != 0) return;
        try {
            Shadow s = SHADOWS.get(key);
            if (s.internal()) return;
            if (Analysis.PREDICT && DETECTOR.holds(ts, s)) {
                // The same critical section goes on; happens-before still acquires the write clock (as before).
                DETECTOR.acquire(ts, s);
                return;
            }
            DETECTOR.lock(ts, s, Detector.WRITE_LOCK, lockCallPath(ts), self);
        } catch (Throwable e) {
            Internal.error("modelling a lock conversion", e);
        }
    }

    /** A write lock is given back. */
    public static void unlockWrite(Object key, Object self) {
        unlockEvent(key, Detector.WRITE_LOCK);
    }

    /** A read lock is given back. */
    public static void unlockRead(Object key, Object self) {
        unlockEvent(key, Detector.READ_LOCK);
    }

    /** unlock() of a write lock or ReentrantLock the thread holds ({@code held}: sync.isHeldExclusively()). */
    public static void unlockWriteIfHeld(int held, Object key) {
        if (held != 0) unlockEvent(key, Detector.WRITE_LOCK);
    }

    /** unlock() of a read lock the thread holds ({@code holds}: how many times it holds it). */
    public static void unlockReadIfHeld(int holds, Object key) {
        if (holds > 0) unlockEvent(key, Detector.READ_LOCK);
    }

    /** A StampedLock call gives back the lock that {@code stamp} holds: a write lock, a read lock, or none. */
    public static void unlockStamp(long stamp, Object key, Object self) {
        if (java.util.concurrent.locks.StampedLock.isWriteLockStamp(stamp)) unlockEvent(key, Detector.WRITE_LOCK);
        else if (java.util.concurrent.locks.StampedLock.isReadLockStamp(stamp)) unlockEvent(key, Detector.READ_LOCK);
    }

    /** A Condition's await gives the (write) lock back while it waits. */
    public static void awaitRelease(Object key) {
        if (!Analysis.enabled || key == null) return;
        ThreadState ts = CURRENT.get();
        if (ts.ignore != 0) return;
        try {
            Shadow s = SHADOWS.get(key);
            if (!s.internal()) DETECTOR.waitRelease(ts, s, Detector.WRITE_LOCK);
        } catch (Throwable e) {
            Internal.error("modelling an await", e);
        }
    }

    /** A Condition's await returns, holding the write lock again (also when it timed out or was interrupted). */
    public static void awaitAcquire(Object key) {
        if (!Analysis.enabled || key == null) return;
        ThreadState ts = CURRENT.get();
        if (ts.ignore != 0) return;
        try {
            Shadow s = SHADOWS.get(key);
            if (!s.internal()) DETECTOR.waitAcquire(ts, s, Detector.WRITE_LOCK);
        } catch (Throwable e) {
            Internal.error("modelling an await", e);
        }
    }

    /** A Condition's await threw: InterruptedException is thrown holding the write lock again, anything else without. */
    public static void awaitAcquireIfInterrupted(Object thrown, Object key) {
        if (thrown instanceof InterruptedException) awaitAcquire(key);
    }

    private static void lockEvent(Object key, Object self, int mode) {
        if (!Analysis.enabled || key == null) return;
        ThreadState ts = CURRENT.get();
        if (ts.ignore != 0) return;
        try {
            Shadow s = SHADOWS.get(key);
            if (!s.internal()) DETECTOR.lock(ts, s, mode, lockCallPath(ts), self);
        } catch (Throwable e) {
            Internal.error("modelling a lock", e);
        }
    }

    private static void unlockEvent(Object key, int mode) {
        if (!Analysis.enabled || key == null) return;
        ThreadState ts = CURRENT.get();
        if (ts.ignore != 0) return;
        try {
            Shadow s = SHADOWS.get(key);
            if (!s.internal()) DETECTOR.unlock(ts, s, mode, lockCallPath(ts));
        } catch (Throwable e) {
            Internal.error("modelling an unlock", e);
        }
    }

    // ---- StampedLock optimistic reads (see OptimisticReads) ---------------------------------------------------

    /**
     * tryOptimisticRead or tryConvertToOptimisticRead returned {@code stamp}: an optimistic read begins. A zero stamp
     * (the write lock is held) begins one too: the javadoc's idiom reads anyway, and validate(0) fails.
     */
    public static void optimisticRead(long stamp, Object lock) {
        if (!Analysis.enabled || lock == null) return;
        ThreadState ts = CURRENT.get();
        if (ts.ignore != 0) return;
        try {
            ShadowMap.Entry entry = SHADOWS.entry(lock);
            if (stamp != 0L) DETECTOR.acquire(ts, entry.shadow());
            OptimisticReads o = (OptimisticReads) ts.optimistic;
            if (o == null) ts.optimistic = o = new OptimisticReads();
            // The caller's frame: this hook runs inside the JDK method, which pushed none.
            o.begin(entry, Math.max(ts.depth - 1, 0), Epoch.clock(ts.epoch));
        } catch (Throwable e) {
            Internal.error("modelling an optimistic read", e);
        }
    }

    /** validate(stamp) returned {@code valid}: acquires the write clock, and ends an optimistic read of this lock. */
    public static void validated(boolean valid, Object lock) {
        if (!Analysis.enabled || lock == null) return;
        ThreadState ts = CURRENT.get();
        if (ts.ignore != 0) return;
        try {
            if (valid) DETECTOR.acquire(ts, SHADOWS.get(lock));
            OptimisticReads o = (OptimisticReads) ts.optimistic;
            if (o == null || !o.isOf(lock)) return;
            if (valid) o.validated(ts, DETECTOR);
            else o.clear();
        } catch (Throwable e) {
            Internal.error("modelling a validated optimistic read", e);
        }
    }

    /** Any other call on a StampedLock: an optimistic read of it in progress is dropped, unvalidated. */
    public static void stampedLockCall(Object lock) {
        if (!Analysis.enabled || lock == null) return;
        ThreadState ts = CURRENT.get();
        OptimisticReads o = (OptimisticReads) ts.optimistic;
        if (o != null && o.isOf(lock)) o.clear();
    }

    /** The interrupted thread sees its interrupt: it acquires what {@code interrupt()} released into it. */
    public static void acquireCurrentThread() {
        acquire(Thread.currentThread());
    }

    public static void acquireIfCurrentThread(boolean interrupted) {
        if (interrupted) acquire(Thread.currentThread());
    }

    /**
     * A counted completer's pending count was read in a completion loop (tryComplete, propagateCompletion,
     * firstComplete): zero means every part released into the task by decrementing it, and this thread goes on to
     * complete it.
     */
    public static void completerPending(Object task, int pending) {
        if (pending == 0) acquire(task);
    }

    /** {@code ForkJoinPool.close()} returned: the pool has terminated, unless it is the common pool (a no-op). */
    public static void poolTerminated(Object pool) {
        if (!Analysis.enabled || pool == java.util.concurrent.ForkJoinPool.commonPool()) return;
        acquire(pool);
    }

    /** A field updater was made for the field named {@code name}: its operations act on that field. */
    public static void updaterCreated(Object updater, String name) {
        if (!Analysis.enabled || updater == null || name == null) return;
        ThreadState ts = CURRENT.get();
        if (ts.ignore != 0) return;
        SHADOWS.get(updater).updaterField = Sites.syncKey(name);
    }

    /** An updater operation acquires from its field of {@code target}, like a volatile read of that field. */
    public static void updaterAcquire(Object updater, Object target) {
        if (!Analysis.enabled || target == null) return;
        ThreadState ts = CURRENT.get();
        if (ts.ignore != 0) return;
        try {
            int key = SHADOWS.get(updater).updaterField;
            if (key < 0) DETECTOR.acquire(ts, SHADOWS.get(target));
            else DETECTOR.acquireField(ts, SHADOWS.get(target), key);
        } catch (Throwable e) {
            Internal.error("modelling a field updater", e);
        }
    }

    public static void updaterRelease(Object updater, Object target) {
        if (!Analysis.enabled || target == null) return;
        ThreadState ts = CURRENT.get();
        if (ts.ignore != 0) return;
        try {
            int key = SHADOWS.get(updater).updaterField;
            if (key < 0) DETECTOR.release(ts, SHADOWS.get(target));
            else DETECTOR.releaseField(ts, SHADOWS.get(target), key);
        } catch (Throwable e) {
            Internal.error("modelling a field updater", e);
        }
    }

    /** A modelled JDK method releases {@code key}. */
    public static void release(Object key) {
        if (!Analysis.enabled || key == null) return;
        ThreadState ts = CURRENT.get();
        if (ts.ignore != 0) return;
        try {
            Shadow s = SHADOWS.get(key);
            if (!s.internal()) DETECTOR.release(ts, s);
        } catch (Throwable e) {
            Internal.error("modelling a release", e);
        }
    }

    /**
     * A task handed to a fork/join pool: released into, except a virtual thread's continuation, which the JDK
     * submits each time the thread starts or is unparked. That is scheduling, not a hand-off: the carrier that runs
     * it is not analysed, and the thread's own edges are modelled where they are made (start, join, locks). Released
     * into, its clock took in every unparker's, chunk by chunk (a thread that waits long is unparked by one who knows
     * much more).
     */
    public static void releaseTask(Object task) {
        if (task != null && isContinuation(task.getClass())) return;
        release(task);
    }

    /** The class of VirtualThread's {@code runContinuation} (a lambda), once seen. */
    private static volatile Class<?> continuationClass;

    private static boolean isContinuation(Class<?> c) {
        Class<?> known = continuationClass;
        if (known != null) return c == known;
        if (!c.getName().startsWith("java.lang.VirtualThread$$")) return false;
        continuationClass = c;
        return true;
    }

    /** Entry of {@code Runtime.exit}: remembers the status the program asked for. */
    public static void exitRequested(int status) {
        ExitStatus.requested(status);
    }

    /** Entry of {@code Thread.dispatchUncaughtException}: the thread dies of an exception. */
    public static void uncaughtException(Thread t) {
        ExitStatus.uncaught(t);
    }

    /** Stops reporting events of the current thread while racecheck's own work runs on it; see {@link #resume}. */
    public static Object suspend() {
        Object token = Analysis.suspend();
        if (Schedule.exploring && token != null) Schedule.agentWorkBegins((ThreadState) token);
        return token;
    }

    public static void resume(Object token) {
        if (Schedule.exploring && token != null) Schedule.agentWorkEnds((ThreadState) token);
        Analysis.resume(token);
    }

    // ---- set-up ---------------------------------------------------------------------------------------------

    /** Called by the agent once the runtime is loaded: attaches the current (main) thread as T1. */
    public static void start() {
        ThreadState main = CURRENT.get();
        main.ignore++;
        try {
            ExitStatus.install(Thread.currentThread());
            // Load and link the cold paths now, not in the middle of the program's class loading.
            CallPaths.captureStack();
            CallPaths.startStack(main);
            dev.racecheck.reports.text.TextRenderer.summary(0);
            Reporter.count();
            // Initialized here, not on the first program thread to need them: their static initializers make
            // ClassValues, whose constructor counts in a JDK-wide AtomicInteger that the program's threads share
            // (events racecheck itself would have made in a program thread).
            for (Class<?> c : new Class<?>[] {Freeze.class, MonitorClasses.class, InlineShadows.class}) {
                Class.forName(c.getName(), true, c.getClassLoader());
            }
            Class.forName("dev.racecheck.agent.runtime.jdk.ContainerModel", true, Freeze.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new LinkageError("racecheck's own class is missing", e);
        } finally {
            main.ignore--;
        }
        Analysis.enabled = true;
        if (Config.exploreSeed != null) Schedule.begin(main, Thread.currentThread(), Config.exploreSeed);
        Thread cleaner = new Thread(new Runnable() {
            @Override
            public void run() {
                CURRENT.get().ignore++; // racecheck's own thread: nothing it does is the program's
                try {
                    SHADOWS.sweepAfterEachGc(Locks.ENABLED ? new Runnable() {
                        @Override
                        public void run() {
                            LockGraph.pruneCollected();
                        }
                    } : null);
                } catch (InterruptedException e) {
                    // the JVM is going down
                }
            }
        }, "racecheck-shadow-cleaner");
        cleaner.setDaemon(true);
        cleaner.start();
        if (Locks.ENABLED) DeadlockWatchdog.start();
    }

    private static MethodHandle joinDuration() {
        try {
            return MethodHandles.publicLookup().findVirtual(Thread.class, "join",
                    MethodType.methodType(boolean.class, Duration.class));
        } catch (ReflectiveOperationException e) {
            return null; // JDK 17 and 18
        }
    }
}
