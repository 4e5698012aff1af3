package dev.racecheck.agent.runtime.jdk;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.ref.WeakReference;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import dev.racecheck.agent.runtime.analysis.Analysis;
import dev.racecheck.agent.runtime.analysis.Detector;
import dev.racecheck.agent.runtime.analysis.OptimisticReads;
import dev.racecheck.agent.runtime.report.Internal;
import dev.racecheck.agent.runtime.report.Sites;
import dev.racecheck.agent.runtime.shadow.ContainerState;
import dev.racecheck.agent.runtime.shadow.Shadow;
import dev.racecheck.agent.runtime.shadow.ShadowMap;
import dev.racecheck.agent.runtime.shadow.VarState;
import dev.racecheck.agent.runtime.threads.ThreadState;

/**
 * Races on the JDK's library objects that are not thread-safe ({@code HashMap}, {@code ArrayList},
 * {@code StringBuilder}, {@code SimpleDateFormat}...): the whole state of such an object is one variable, a
 * {@link ContainerState} in the shadow of the object that holds its data ({@link #STATE_KEY}), and each call of one of
 * its methods from application code reads or writes it, through the same detector as fields. So do the calls on what
 * acts on it ({@link ContainerModel}): its views, iterators and spliterators, unmodifiable and checked wrappers, and
 * the map entries its entry set hands out, named in reports after their own class; the JDK methods it is passed to
 * ({@link #argument}); and a {@code Collections.synchronized*} wrapper's use of it, recorded inside the wrapper under
 * its mutex ({@link #wrapperCall}), never at the program's call (before the lock). JDK code is never instrumented for
 * accesses, so the JDK's own (benign) use of these classes is never seen; objects of other classes
 * ({@code ConcurrentHashMap} and its views) have no state, and {@link #call} returns at once.
 *
 * <p>An operation is a method name and descriptor, numbered when the instrumenter first meets it
 * ({@link #operation}); its code carries whether it writes. Receivers of an application subclass of a modelled class
 * count only when the method called is the JDK's own, not the subclass's override (which is instrumented code and
 * reaches the JDK's through {@code super}, itself a call site).
 */
public final class Containers {
    /** The shadow key of an object's whole state: field keys ({@link Sites#fieldKey}) are never negative. */
    public static final int STATE_KEY = -1;

    /** Low bit of an operation code: the call writes the state. */
    static final int WRITE = 1;
    /**
     * Second bit: an {@code invokespecial} ({@code super.put(k, v)}), which runs the JDK's method whatever the
     * receiver's class overrides.
     */
    public static final int SUPER = 2;
    /** Third bit: a lookup that moves the entry to the end of a LinkedHashMap in access order (a write, then). */
    static final int LOOKUP = 4;
    private static final int SHIFT = 3;
    /** The lookups of {@link #LOOKUP}. */
    private static final Set<String> LOOKUPS = Set.of("get", "getOrDefault");
    /**
     * {@code LinkedHashMap.accessOrder}, readable once the agent has opened {@code java.util} to racecheck (see
     * {@code Agent}); null otherwise, and then a lookup in such a map counts as a read.
     */
    private static final VarHandle ACCESS_ORDER = accessOrder();
    /** {@link #operation}'s answer for methods that do not touch the object's state. */
    public static final int NONE = -1;

    /** Methods that change the state, by exact name. Formats keep per-call scratch state in the object. */
    private static final Set<String> WRITES = Set.of(
            "add", "addAll", "put", "putAll", "remove", "removeAll", "removeIf", "retainAll", "clear", "set",
            "sort", "replaceAll", "replace", "compute", "computeIfAbsent", "computeIfPresent", "merge",
            "poll", "pollFirst", "pollLast", "pollFirstEntry", "pollLastEntry", "offer", "offerFirst", "offerLast",
            "push", "pop", "trimToSize", "ensureCapacity",
            "append", "appendCodePoint", "insert", "delete", "deleteCharAt", "reverse",
            "flip", "and", "or", "xor", "andNot",
            "format", "formatToCharacterIterator", "parse", "parseObject", "applyPattern", "applyLocalizedPattern");
    /** Prefixes of methods that change the state ({@code addFirst}, {@code removeLast}, {@code setLength}...). */
    private static final String[] WRITE_PREFIXES = {
        "add", "put", "remove", "set", "poll", "offer", "push", "insert", "append", "delete", "replace", "compute",
        "clear", "apply", "ensure", "trim"};
    /**
     * Object's methods that do not look at the state, and an iterator's {@code hasNext()}: the {@code next()} that
     * follows it reads the container, and a loop pays for one event per element, not two.
     */
    private static final Set<String> NOT_OPERATIONS = Set.of("getClass", "wait", "notify", "notifyAll", "<init>",
            "<clinit>", "hasNext");

    /** Operation number to name and descriptor. Guarded by Containers.class. */
    private static String[] names = new String[64];
    private static String[] descriptors = new String[64];
    private static final Map<String, Integer> NUMBERS = new HashMap<>();

    private Containers() {
        // no instances
    }

    // ---- instrumentation time ---------------------------------------------------------------------------------

    /**
     * The code of a call of {@code name} with {@code descriptor} on a possible container: its operation number and
     * whether it writes, or {@link #NONE} when the method does not touch the state ({@code getClass}, {@code wait}).
     */
    public static synchronized int operation(String name, String descriptor) {
        if (NOT_OPERATIONS.contains(name)) return NONE;
        String key = name + descriptor;
        Integer number = NUMBERS.get(key);
        if (number == null) {
            number = NUMBERS.size();
            if (number == names.length) {
                names = Arrays.copyOf(names, number * 2);
                descriptors = Arrays.copyOf(descriptors, number * 2);
            }
            names[number] = name;
            descriptors[number] = descriptor;
            NUMBERS.put(key, number);
            byte[] uses = elementUses;
            if (number >= uses.length) uses = Arrays.copyOf(uses, uses.length * 2);
            uses[number] = (byte) elementUse(name, descriptor);
            elementUses = uses;
        }
        return number << SHIFT | (writes(name) ? WRITE : 0) | (LOOKUPS.contains(name) ? LOOKUP : 0);
    }

    /** The operation number of an operation code. */
    static int number(int op) {
        return op >>> SHIFT;
    }

    /**
     * Whether a method of that name changes the state. What is not known to write reads: a read races only with a
     * write, so a method taken for a read can miss a race between two of its calls but never report a false one.
     */
    static boolean writes(String name) {
        if (WRITES.contains(name)) return true;
        for (String p : WRITE_PREFIXES) {
            // A word of its own: addFirst and set2DigitYearStart, not address or settle.
            if (name.startsWith(p) && name.length() > p.length() && !Character.isLowerCase(name.charAt(p.length()))) {
                return true;
            }
        }
        return false;
    }

    static synchronized String name(int number) {
        return names[number];
    }

    static synchronized String descriptor(int number) {
        return descriptors[number];
    }

    // ---- run time -----------------------------------------------------------------------------------------

    /** The most objects a view's chain may pass on the way to its container (a view of a view of a view...). */
    private static final int MAX_HOPS = 16;

    /**
     * A call of operation {@code op} (see {@link #operation}) on {@code receiver}, at {@code site}, is about to run:
     * a container's call, or a view's, iterator's or entry's, which reads or writes its container's state.
     */
    public static void call(Object receiver, int op, int site, ThreadState ts, int base) {
        if (ts.ignore != 0 || receiver == null) return;
        try {
            Class<?> c = receiver.getClass();
            ContainerModel m = ContainerModel.of(c);
            if (m.kind == ContainerModel.OTHER) return;
            if (m.kind == ContainerModel.SYNCHRONIZED) {
                usedByProgram(receiver); // its method records the access, under its mutex
                return;
            }
            if (m.subclass && (op & SUPER) == 0 && !m.runsJdkMethod(c, op >>> SHIFT)) return;
            access(receiver, m, op, site, m.kind == ContainerModel.CONTAINER ? m.jdkClass : c, ts, base);
        } catch (Throwable e) {
            Internal.error("analysing a call on a " + receiver.getClass().getName(), e);
        }
    }

    /**
     * An iterator's {@code next()} is about to run: a read of its container, as {@link #call}; when it is an entry
     * set's iterator, the entry it returns is linked to the map ({@link #entryReturned}, right after the call).
     */
    public static void next(Object iterator, int op, int site, ThreadState ts, int base) {
        ts.pendingEntry = null;
        if (ts.ignore != 0 || iterator == null) return;
        try {
            Class<?> c = iterator.getClass();
            ContainerModel m = ContainerModel.of(c);
            if (m.kind != ContainerModel.VIEW) {
                if (m.kind == ContainerModel.CONTAINER) call(iterator, op, site, ts, base); // a class of its own
                return;
            }
            ContainerState state = access(iterator, m, op, site, c, ts, base);
            if (m.entryIterator) ts.pendingEntry = state;
        } catch (Throwable e) {
            Internal.error("analysing a call on a " + iterator.getClass().getName(), e);
        }
    }

    /**
     * What an entry set's iterator returned ({@link #next} just ran): a map node, or a wrapper of one (an unmodifiable
     * map's entry). The node's shadow keeps its map's state, so that the entry's {@code setValue} and
     * {@code getValue}, wherever the program takes it, are accesses of the map. The state, not the map: a kept entry
     * must not keep its map alive.
     */
    public static void entryReturned(Object entry, ThreadState ts) {
        Object pending = ts.pendingEntry;
        if (pending == null) return;
        ts.pendingEntry = null;
        if (ts.ignore != 0 || entry == null) return;
        try {
            Object o = entry;
            for (int hops = 0; hops < MAX_HOPS && o != null; hops++) {
                ContainerModel m = ContainerModel.of(o.getClass());
                if (m.kind == ContainerModel.ENTRY) {
                    Shadow s = entryShadow(o, ts, true);
                    if (s.modelledAs != pending) s.modelledAs = pending;
                    return;
                }
                if (m.kind != ContainerModel.VIEW) return;
                o = m.next(o);
            }
        } catch (Throwable e) {
            Internal.error("linking a map entry", e);
        }
    }

    /**
     * Before a JDK method that reads (or writes) a container passed to it ({@code new ArrayList<>(c)},
     * {@code Collections.sort(list)}, {@code String.join(",", list)}): {@code site} names that method. A synchronized
     * wrapper passed on is read by the method through the wrapper's own methods, under its mutex, and counts there.
     */
    public static void argument(Object arg, boolean write, int site, ThreadState ts, int base) {
        if (ts.ignore != 0 || arg == null) return;
        try {
            ContainerModel m = ContainerModel.of(arg.getClass());
            if (m.kind == ContainerModel.OTHER) return;
            if (m.kind == ContainerModel.SYNCHRONIZED) {
                usedByProgram(arg); // the JDK method calls it: its methods record, under its mutex
                return;
            }
            access(arg, m, write ? WRITE : 0, site, null, ts, base);
        } catch (Throwable e) {
            Internal.error("analysing a " + arg.getClass().getName() + " passed to the JDK", e);
        }
    }

    /**
     * Inside a method of a {@code Collections.synchronized*} wrapper (a JdkModel hook): a call of operation {@code op}
     * on the collection it wraps, right after the wrapper took its mutex, or on entry of the methods that do not take
     * it (iterator, spliterator, stream: the program must hold the lock). The access is the program's, made at its
     * innermost instrumented frame; under the mutex, it is ordered with every other call through the same mutex, and
     * races with calls through another wrapper of the same collection.
     */
    public static void wrapperCall(Object wrapper, int op, int site) {
        if (!Analysis.enabled || wrapper == null) return;
        ThreadState ts = Analysis.CURRENT.get();
        if (ts.ignore != 0) return;
        try {
            ContainerModel m = ContainerModel.of(wrapper.getClass());
            if (m.kind != ContainerModel.SYNCHRONIZED) return;
            // Only the program's wrappers: the JDK's own (a logger's listeners, a Subject's principals) are its business.
            Shadow s = Analysis.SHADOWS.peek(wrapper);
            if (s == null || s.modelledAs != USED_BY_PROGRAM) return;
            Object wrapped = m.next(wrapper);
            if (wrapped == null) return;
            ContainerModel wm = ContainerModel.of(wrapped.getClass());
            // Another wrapper inside records its own calls, under its own mutex.
            if (wm.kind == ContainerModel.OTHER || wm.kind == ContainerModel.SYNCHRONIZED) return;
            access(wrapped, wm, op, site, wrapper.getClass(), ts, ts.depth);
        } catch (Throwable e) {
            Internal.error("analysing a call on a " + wrapper.getClass().getName(), e);
        }
    }

    /**
     * Finds the container {@code o} (of model {@code m}) stands for and records the access; returns its state, or null
     * when o leads to no container racecheck models. {@code opClass} is the class whose method does the operation,
     * for the report; null when {@code site} names the operation already.
     */
    private static ContainerState access(Object o, ContainerModel m, int op, int site, Class<?> opClass,
                                         ThreadState ts, int base) {
        Object x = o;
        ContainerModel xm = m;
        Object named = null;
        boolean readOnly = false;
        ContainerState state = null;
        for (int hops = 0; state == null; hops++) {
            if (hops == MAX_HOPS) return null;
            switch (xm.kind) {
                case ContainerModel.CONTAINER:
                    if (xm.next < 0) {
                        state = stateOf(x, named != null ? named : x, xm, ts);
                        continue;
                    }
                    // A set: the report names it, not its map, if its map is the next object (not a view of a map).
                    named = x;
                    break;
                case ContainerModel.VIEW:
                    readOnly |= xm.readOnly;
                    named = null;
                    break;
                case ContainerModel.ENTRY:
                    Shadow s = entryShadow(x, ts, false);
                    state = s != null && s.modelledAs instanceof ContainerState c ? c : null;
                    if (state == null) return null; // an entry racecheck did not see handed out
                    continue;
                case ContainerModel.SYNCHRONIZED:
                    usedByProgram(x); // a view of a wrapper: the wrapper's methods record, under its mutex
                    return null;
                default:
                    return null; // nothing modelled
            }
            x = xm.next(x);
            if (x == null) return null;
            xm = ContainerModel.of(x.getClass());
        }
        boolean write = (op & WRITE) != 0 && !readOnly || state.everyCallWrites
                || (op & LOOKUP) != 0 && xm.linked && inAccessOrder(x);
        if (write) {
            if (state.w == ts.epoch) return state;
            Analysis.DETECTOR.write(ts, state, operationSite(site, opClass), base, state, Detector.CONTAINER);
        } else {
            if (state.r == ts.epoch) return state;
            int opSite = operationSite(site, opClass);
            OptimisticReads r = (OptimisticReads) ts.optimistic;
            if (r != null && r.active() && r.defer(ts, Analysis.DETECTOR, state, opSite, base, state,
                    Detector.CONTAINER)) {
                return state;
            }
            Analysis.DETECTOR.read(ts, state, opSite, base, state, Detector.CONTAINER);
        }
        return state;
    }

    /**
     * The shadow of a map entry, made if {@code make}; the thread's last one is kept at hand, by its shadow-map entry
     * (a weak reference: nothing of the program's is kept alive).
     */
    private static Shadow entryShadow(Object entry, ThreadState ts, boolean make) {
        if (ts.lastEntry instanceof ShadowMap.Entry last && last.refersTo(entry)) return last.shadow();
        if (!make) return Analysis.SHADOWS.peek(entry);
        ShadowMap.Entry e = Analysis.SHADOWS.entry(entry);
        ts.lastEntry = e;
        return e.shadow();
    }

    /** The mark, in a synchronized wrapper's shadow, that the program calls it (see {@link #wrapperCall}). */
    private static final Object USED_BY_PROGRAM = new Object();

    /** Marks a synchronized wrapper as the program's: application code calls it, or hands it to the JDK. */
    private static void usedByProgram(Object wrapper) {
        Shadow s = Analysis.SHADOWS.get(wrapper);
        if (s.modelledAs != USED_BY_PROGRAM) s.modelledAs = USED_BY_PROGRAM;
    }

    /**
     * The state of the container whose data {@code holder} is. A thread's last one is kept at hand (a loop calls
     * one container): the state knows its holder weakly, so the cache keeps nothing of the program's alive.
     */
    private static ContainerState stateOf(Object holder, Object named, ContainerModel m, ThreadState ts) {
        Object last = ts.lastContainer;
        if (last instanceof ContainerState s && s.holds(holder)) return s;
        ContainerState s = Analysis.SHADOWS.get(holder).container(STATE_KEY, holder, named, m.everyCallWrites);
        ts.lastContainer = s;
        return s;
    }

    /** Per call site: the site that names the operation for the class last seen there (racy reads are fine). */
    private static OperationSite[] operationSites = new OperationSite[1024];
    /** (call site, class) to operation site; guarded by Containers.class. */
    private static final Map<Long, Integer> OPERATION_SITES = new HashMap<>();
    /** Classes seen at call sites, numbered. They are the JDK's (never unloaded). Guarded by Containers.class. */
    private static final Map<Class<?>, Integer> OPERATION_CLASSES = new HashMap<>();

    private record OperationSite(Class<?> opClass, int site) {
    }

    /**
     * A report names an access's operation from its site ({@code ContainerClasses.withOperation}): the class whose
     * method ran and the method. A call site names only the static type of its receiver, so the first slow-path access
     * of each (call site, class) registers a site of the same line that names the class. Slow path only.
     */
    static int operationSite(int site, Class<?> opClass) {
        if (opClass == null) return site;
        OperationSite[] cache = operationSites;
        if (site < cache.length) {
            OperationSite o = cache[site];
            if (o != null && o.opClass == opClass) return o.site;
        }
        return registerOperationSite(site, opClass);
    }

    private static synchronized int registerOperationSite(int site, Class<?> opClass) {
        Integer classNumber = OPERATION_CLASSES.get(opClass);
        if (classNumber == null) {
            classNumber = OPERATION_CLASSES.size();
            OPERATION_CLASSES.put(opClass, classNumber);
        }
        Long key = ((long) site << 32) | classNumber;
        Integer derived = OPERATION_SITES.get(key);
        if (derived == null) {
            derived = Sites.register(Sites.className(site), Sites.method(site), Sites.file(site), Sites.line(site),
                    opClass.getName(), Sites.fieldName(site));
            OPERATION_SITES.put(key, derived);
        }
        if (site >= operationSites.length) {
            operationSites = Arrays.copyOf(operationSites, Math.max(site + 1, operationSites.length * 2));
        }
        operationSites[site] = new OperationSite(opClass, derived);
        return derived;
    }

    /**
     * For a final-field freeze ({@link Freeze}): the state of the container {@code o} holds or shows, if it has one
     * already; never made here.
     */
    static VarState existingState(Object o) {
        ContainerModel m = ContainerModel.of(o.getClass());
        Object x = o;
        for (int hops = 0; hops < MAX_HOPS && x != null; hops++) {
            if (m.kind == ContainerModel.CONTAINER && m.next < 0) {
                Shadow s = Analysis.SHADOWS.peek(x);
                return s == null ? null : s.existingContainer(STATE_KEY);
            }
            if (m.kind != ContainerModel.CONTAINER && m.kind != ContainerModel.VIEW) return null;
            x = m.next(x);
            if (x != null) m = ContainerModel.of(x.getClass());
        }
        return null;
    }

    // ---- Arrays.asList: a list that is a view of an array ----------------------------------------------------------

    /** {@code java.util.Arrays$ArrayList}, the list of {@code Arrays.asList}: its elements are its array's. */
    public static final Class<?> ARRAYS_LIST = java.util.Arrays.asList().getClass();
    /** {@code java.util.Arrays$ArrayItr}, its iterator. */
    public static final Class<?> ARRAYS_ITERATOR = java.util.Arrays.asList(1).iterator().getClass();
    private static final VarHandle ARRAYS_LIST_ARRAY = field(ARRAYS_LIST, "a", Object[].class);
    private static final VarHandle ARRAYS_ITERATOR_ARRAY = field(ARRAYS_ITERATOR, "a", Object[].class);
    private static final VarHandle ARRAYS_ITERATOR_CURSOR = field(ARRAYS_ITERATOR, "cursor", int.class);

    /** What a call of an {@code Arrays.asList} list does to its array's elements ({@link #elementUse}). */
    public static final int NO_ELEMENT = 0;
    public static final int READS_ALL = 1;
    public static final int WRITES_ALL = 2;
    public static final int READS_ONE = 3;
    public static final int WRITES_ONE = 4;
    private static final Set<String> READ_ALL = Set.of("toArray", "contains", "containsAll", "indexOf",
            "lastIndexOf", "forEach", "equals", "hashCode", "toString", "stream", "parallelStream", "spliterator");
    private static final Set<String> WRITE_ALL = Set.of("sort", "replaceAll");
    /** Per operation number: its {@link #elementUse}. Filled when the operation is numbered; racy reads are fine. */
    private static volatile byte[] elementUses = new byte[64];

    private static int elementUse(String name, String descriptor) {
        if (name.equals("get") && descriptor.equals("(I)Ljava/lang/Object;")) return READS_ONE;
        if (name.equals("set") && descriptor.equals("(ILjava/lang/Object;)Ljava/lang/Object;")) return WRITES_ONE;
        if (READ_ALL.contains(name)) return READS_ALL;
        return WRITE_ALL.contains(name) ? WRITES_ALL : NO_ELEMENT;
    }

    /** What operation {@code op} does to the elements of an {@code Arrays.asList} list. */
    public static int elementUse(int op) {
        byte[] uses = elementUses;
        int number = op >>> SHIFT;
        return number < uses.length ? uses[number] : NO_ELEMENT;
    }

    /** The array an {@code Arrays.asList} list shows, or null. */
    public static Object arrayOf(Object arraysList) {
        return ARRAYS_LIST_ARRAY == null ? null : ARRAYS_LIST_ARRAY.get(arraysList);
    }

    /** The array an {@code Arrays.asList} list's iterator walks, or null. */
    public static Object iteratedArray(Object iterator) {
        return ARRAYS_ITERATOR_ARRAY == null ? null : ARRAYS_ITERATOR_ARRAY.get(iterator);
    }

    /** The index of the element an {@code Arrays.asList} list's iterator returns next. */
    public static int iteratedIndex(Object iterator) {
        return ARRAYS_ITERATOR_CURSOR == null ? -1 : (int) ARRAYS_ITERATOR_CURSOR.get(iterator);
    }

    private static VarHandle field(Class<?> c, String name, Class<?> type) {
        try {
            return MethodHandles.privateLookupIn(c, MethodHandles.lookup()).findVarHandle(c, name, type);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null; // java.util not opened (no agent, as in unit tests), or the field is gone
        }
    }

    /** Whether a LinkedHashMap keeps its entries in access order (its get() moves the entry it finds). */
    static boolean inAccessOrder(Object linkedHashMap) {
        return ACCESS_ORDER != null && (boolean) ACCESS_ORDER.get(linkedHashMap);
    }

    private static VarHandle accessOrder() {
        try {
            return MethodHandles.privateLookupIn(java.util.LinkedHashMap.class, MethodHandles.lookup())
                    .findVarHandle(java.util.LinkedHashMap.class, "accessOrder", boolean.class);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null; // java.util not opened (no agent, as in unit tests), or the field is gone
        }
    }

    /** The method descriptor of a reflected method, as the instrumenter saw it in the call instruction. */
    static String descriptor(Method m) {
        StringBuilder sb = new StringBuilder("(");
        for (Class<?> p : m.getParameterTypes()) sb.append(typeDescriptor(p));
        return sb.append(')').append(typeDescriptor(m.getReturnType())).toString();
    }

    private static String typeDescriptor(Class<?> c) {
        if (c.isArray()) return c.getName().replace('.', '/');
        if (!c.isPrimitive()) return "L" + c.getName().replace('.', '/') + ";";
        if (c == void.class) return "V";
        if (c == boolean.class) return "Z";
        if (c == byte.class) return "B";
        if (c == char.class) return "C";
        if (c == short.class) return "S";
        if (c == int.class) return "I";
        if (c == long.class) return "J";
        if (c == float.class) return "F";
        return "D";
    }

    /** What a collection holds, or a map's keys then its values; the caller makes sure no program code runs. */
    public static Object[] heldBy(Object collectionOrMap) {
        if (collectionOrMap instanceof java.util.Collection<?> c) return c.toArray();
        java.util.Map<?, ?> map = (java.util.Map<?, ?>) collectionOrMap;
        Object[] k = map.keySet().toArray();
        Object[] v = map.values().toArray();
        Object[] both = Arrays.copyOf(k, k.length + v.length);
        System.arraycopy(v, 0, both, k.length, v.length);
        return both;
    }
}
