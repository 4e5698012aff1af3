package dev.racecheck.agent.runtime;

import java.lang.ref.WeakReference;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;

import dev.racecheck.agent.runtime.analysis.Analysis;
import dev.racecheck.agent.runtime.analysis.Detector;
import dev.racecheck.agent.runtime.report.Internal;
import dev.racecheck.agent.runtime.report.Sites;
import dev.racecheck.agent.runtime.schedule.Schedule;
import dev.racecheck.agent.runtime.shadow.Shadow;
import dev.racecheck.agent.runtime.shadow.VarState;
import dev.racecheck.agent.runtime.threads.ThreadState;

/**
 * VarHandle accesses made by application code, by access mode (the {@code java.lang.invoke.VarHandle} memory order
 * modes): plain {@code get}/{@code set} are ordinary reads and writes of the variable, checked like a field or array
 * access; acquire and volatile reads acquire from the variable and release and volatile writes release into it, like
 * a volatile field; read-modify-writes do what their mode says. Opaque accesses and {@code weakCompareAndSetPlain}
 * are atomic but order nothing: the call sites get no hooks at all (racecheck neither orders nor checks them, as
 * ThreadSanitizer treats C++ relaxed atomics).
 *
 * <p>The variable is the VarHandle's target: registered when the handle is made ({@code findVarHandle},
 * {@code findStaticVarHandle}, {@code unreflectVarHandle}, {@code arrayElementVarHandle}; hooks in JdkModel), kept in
 * the handle's {@link Shadow}. A field target uses the same keys as the field's own bytecode accesses (so a field
 * read through a handle and directly is one variable, and {@code setRelease} pairs with a volatile read of the field);
 * an array element uses the element's state ({@link RaceEvents#arrayRead}) and, as a synchronization variable, a
 * release clock of its own per index ({@link Shadow#acquireElement}). Handles racecheck did not see made (byte-array
 * and buffer views, combinators, handles made before the agent started) are not modelled.
 *
 * <p>The element clocks are also what the JDK's atomic arrays use ({@link #elementAcquire}): each element of an
 * {@code AtomicIntegerArray} is a variable of its own, and its methods are VarHandle accesses of its inner array.
 */
public final class VarHandles {
    /**
     * What a VarHandle accesses: a field of its receiver, a static field, or the element at an index of an array. It
     * is the value of the handle's shadow, and handles usually sit in static fields of the class they access: a
     * strong reference to that class would keep the class, its statics and so the handle (the shadow's own key) alive
     * forever, and the class's loader with them. So the class is held weakly; while the handle lives, so does the
     * class (the handle refers to it).
     */
    static final class Target {
        final int kind;
        /** For fields: the class that declares the field; null for array elements. */
        private final WeakReference<Class<?>> declaring;
        final String name;
        /** The binary name of {@link #declaring}, for reports. */
        final String declaringName;
        /** The field's key for plain accesses ({@link Sites#fieldKey}), or -1: a final field is not tracked. */
        final int fieldKey;
        /** The field's synchronization key ({@link Sites#syncKey}). */
        final int syncKey;
        /** A small number for {@link #fieldSite}'s map. */
        final int id;
        /** A volatile field: its accesses through reflection and method handles are acquires and releases. */
        final boolean isVolatile;
        /** What a method handle does with the field ({@link Reflection}): 0 for a VarHandle and a Field. */
        final int accessor;

        Target(int kind, Class<?> declaring, String name, int fieldKey, int syncKey, int id, boolean isVolatile,
               int accessor) {
            this.kind = kind;
            this.declaring = declaring == null ? null : new WeakReference<>(declaring);
            this.declaringName = declaring == null ? null : declaring.getName();
            this.name = name;
            this.fieldKey = fieldKey;
            this.syncKey = syncKey;
            this.id = id;
            this.isVolatile = isVolatile;
            this.accessor = accessor;
        }

        /** The declaring class of a field target; null for array elements (or, never in practice, once unloaded). */
        Class<?> declaring() {
            return declaring == null ? null : declaring.get();
        }
    }

    private static final Target ELEMENTS = new Target(Detector.ELEMENT, null, null, -1, -1, 0, false, 0);
    private static int nextTargetId = 1;

    /** Per call site: the access site with the field named, for the last target seen there (racy reads are fine). */
    private static FieldSite[] fieldSites = new FieldSite[256];
    /** (call site, target id) to the access site naming the field; guarded by VarHandles.class. */
    private static final Map<Long, Integer> FIELD_SITES = new HashMap<>();

    /** A target by number, not by reference: this static cache must not keep a class (and its loader) alive. */
    private static final class FieldSite {
        final int targetId;
        final int site;

        FieldSite(int targetId, int site) {
            this.targetId = targetId;
            this.site = site;
        }
    }

    private VarHandles() {
        // no instances
    }

    // ---- application call sites -------------------------------------------------------------------------------

    /**
     * After a plain {@code get}: a read of the handle's variable. {@code coordinate} is the receiver or array (null
     * for a static field), {@code index} the array index.
     */
    public static void plainRead(Object handle, Object coordinate, int index, int site, ThreadState ts, int base) {
        plainAccess(handle, coordinate, index, site, ts, base, false);
    }

    /** After a plain {@code set}: a write of the handle's variable. */
    public static void plainWrite(Object handle, Object coordinate, int index, int site, ThreadState ts, int base) {
        plainAccess(handle, coordinate, index, site, ts, base, true);
    }

    private static void plainAccess(Object handle, Object coordinate, int index, int site, ThreadState ts, int base,
            boolean write) {
        if (ts.ignore != 0) return;
        Target t = target(handle);
        if (t == null) return;
        try {
            if (t.kind == Detector.ELEMENT) {
                if (write) RaceEvents.arrayWrite(coordinate, index, site, ts, base);
                else RaceEvents.arrayRead(coordinate, index, site, ts, base);
                return;
            }
            fieldAccess(t, coordinate, site, ts, base, write);
        } catch (Throwable e) {
            Internal.error(write ? "analysing a VarHandle write" : "analysing a VarHandle read", e);
        }
    }

    /**
     * A plain read or write of the field {@code t} names, of {@code coordinate} (ignored for a static field), made at
     * call site {@code site}: checked like the field's own getfield or putfield, in the same state.
     */
    static void fieldAccess(Target t, Object coordinate, int site, ThreadState ts, int base, boolean write) {
        if (t.fieldKey < 0) return;
        Object owner = t.kind == Detector.STATIC ? t.declaring() : coordinate;
        if (owner == null) return;
        int fieldSite = fieldSite(t, site);
        VarState v = fieldState(t, owner, fieldSite, ts);
        if (v == null || (write ? v.w : v.r) == ts.epoch) return;
        if (write) Analysis.DETECTOR.write(ts, v, fieldSite, base, owner, t.kind);
        else Analysis.DETECTOR.read(ts, v, fieldSite, base, owner, t.kind);
    }

    /** An acquire from (or release into) the field {@code t} names, of {@code coordinate}, as a volatile access. */
    static void fieldSync(Target t, Object coordinate, ThreadState ts, boolean release) {
        Object owner = t.kind == Detector.STATIC ? t.declaring() : coordinate;
        if (owner == null) return;
        if (release) Analysis.DETECTOR.releaseField(ts, Analysis.SHADOWS.get(owner), t.syncKey);
        else Analysis.DETECTOR.acquireField(ts, Analysis.SHADOWS.get(owner), t.syncKey);
    }

    /** After an acquire, volatile or read-modify-write access: acquire from the variable. */
    public static void acquire(Object handle, Object coordinate, int index, ThreadState ts) {
        if (ts.ignore != 0) return;
        if (Schedule.ARMED) Schedule.point(ts);
        Target t = target(handle);
        if (t == null) return;
        try {
            if (t.kind == Detector.ELEMENT) {
                if (inBounds(coordinate, index)) {
                    Analysis.DETECTOR.acquireElement(ts, Analysis.SHADOWS.get(coordinate), index);
                }
                return;
            }
            Object owner = t.kind == Detector.STATIC ? t.declaring() : coordinate;
            if (owner != null) Analysis.DETECTOR.acquireField(ts, Analysis.SHADOWS.get(owner), t.syncKey);
        } catch (Throwable e) {
            Internal.error("modelling a VarHandle acquire", e);
        }
    }

    /** Before a release, volatile or read-modify-write access: release into the variable. */
    public static void release(Object handle, Object coordinate, int index, ThreadState ts) {
        if (ts.ignore != 0) return;
        if (Schedule.ARMED) Schedule.point(ts);
        Target t = target(handle);
        if (t == null) return;
        try {
            if (t.kind == Detector.ELEMENT) {
                if (inBounds(coordinate, index)) {
                    Analysis.DETECTOR.releaseElement(ts, Analysis.SHADOWS.get(coordinate), index,
                            Array.getLength(coordinate));
                }
                return;
            }
            Object owner = t.kind == Detector.STATIC ? t.declaring() : coordinate;
            if (owner != null) Analysis.DETECTOR.releaseField(ts, Analysis.SHADOWS.get(owner), t.syncKey);
        } catch (Throwable e) {
            Internal.error("modelling a VarHandle release", e);
        }
    }

    /**
     * Before a compare-and-set (or compare-and-exchange) in a release mode: releases only when the variable holds
     * {@code expected} now, so that the call will write (a failed one writes nothing; it still reads and acquires).
     * The variable is read through the handle itself, with racecheck's events off; when it cannot be (a handle that
     * only accepts its exact types), the release is made as before.
     */
    public static void releaseIfSame(Object handle, Object coordinate, int index, long expected, ThreadState ts) {
        Object current = current(handle, coordinate, index, ts);
        if (current == UNREADABLE || bits(current) == expected) release(handle, coordinate, index, ts);
    }

    public static void releaseIfSame(Object handle, Object coordinate, int index, Object expected, ThreadState ts) {
        Object current = current(handle, coordinate, index, ts);
        if (current == UNREADABLE || current == expected) release(handle, coordinate, index, ts);
    }

    private static final Object UNREADABLE = new Object();

    private static Object current(Object handle, Object coordinate, int index, ThreadState ts) {
        if (ts.ignore != 0) return UNREADABLE;
        Target t = target(handle);
        if (t == null) return UNREADABLE;
        ts.ignore++;
        try {
            java.lang.invoke.VarHandle vh = (java.lang.invoke.VarHandle) handle;
            if (t.kind == Detector.ELEMENT) return vh.getVolatile(coordinate, index);
            if (t.kind == Detector.STATIC) return vh.getVolatile();
            return vh.getVolatile(coordinate);
        } catch (Throwable e) {
            return UNREADABLE; // the call itself will throw, or the handle wants its exact types
        } finally {
            ts.ignore--;
        }
    }

    /** A boxed primitive's bits, as releaseIfSame's caller computed them for the expected value. */
    private static long bits(Object v) {
        if (v instanceof Integer i) return i;
        if (v instanceof Long l) return l;
        if (v instanceof Boolean b) return b ? 1L : 0L;
        if (v instanceof Character c) return c;
        if (v instanceof Short s) return s;
        if (v instanceof Byte b) return b;
        if (v instanceof Float f) return Float.floatToRawIntBits(f);
        if (v instanceof Double d) return Double.doubleToRawLongBits(d);
        return Long.MIN_VALUE ^ 0x5DEECE66DL; // not a primitive: never equal in practice
    }

    static Target target(Object handle) {

        if (handle == null) return null;
        Shadow s = Analysis.SHADOWS.peek(handle);
        return s != null && s.modelledAs instanceof Target t ? t : null;
    }

    /**
     * The same state the field's own access sites use: an instance field's companion if it has one (the access site
     * registered for this call site names the field), else its shadow.
     */
    private static VarState fieldState(Target t, Object owner, int fieldSite, ThreadState ts) {
        if (t.kind == Detector.FIELD) return RaceEvents.fieldState(owner, t.fieldKey, fieldSite, ts);
        Shadow s = Analysis.SHADOWS.get(owner);
        // A static access through a handle initializes the class first, as getstatic does (JLS 12.4.2).
        if (t.kind == Detector.STATIC && !ts.hasSeenInit(s.classId)) RaceEvents.seeInit(ts, s, (Class<?>) owner);
        return s.field(t.fieldKey);
    }

    private static boolean inBounds(Object array, int index) {
        // Out of bounds, or not an array: the access itself throws.
        return array != null && array.getClass().isArray() && index >= 0 && index < Array.getLength(array);
    }

    /**
     * A report names the field from its access site, and a call site does not know which field its handle reaches:
     * the first slow-path access of each (call site, field) registers an access site of the same line that names it.
     */
    private static int fieldSite(Target t, int callSite) {
        FieldSite[] cache = fieldSites;
        if (callSite < cache.length) {
            FieldSite f = cache[callSite];
            if (f != null && f.targetId == t.id) return f.site;
        }
        return registerFieldSite(t, callSite);
    }

    private static synchronized int registerFieldSite(Target t, int callSite) {
        Long key = ((long) callSite << 32) | t.id;
        Integer site = FIELD_SITES.get(key);
        if (site == null) {
            site = Sites.register(Sites.className(callSite), Sites.method(callSite), Sites.file(callSite),
                    Sites.line(callSite), t.declaringName, t.name);
            FIELD_SITES.put(key, site);
        }
        if (callSite >= fieldSites.length) {
            fieldSites = java.util.Arrays.copyOf(fieldSites, Math.max(callSite + 1, fieldSites.length * 2));
        }
        fieldSites[callSite] = new FieldSite(t.id, site);
        return site;
    }

    // ---- where handles are made (hooks in java.lang.invoke) ------------------------------------------------------

    /** {@code Lookup.findVarHandle(recv, name, type)} returned {@code handle}. */
    public static void fieldHandle(Object handle, Class<?> receiver, String name, Class<?> type) {
        created(handle, receiver, name, type, false);
    }

    /** {@code Lookup.findStaticVarHandle(decl, name, type)} returned {@code handle}. */
    public static void staticHandle(Object handle, Class<?> declaring, String name, Class<?> type) {
        created(handle, declaring, name, type, true);
    }

    /** {@code Lookup.unreflectVarHandle(field)} returned {@code handle}. */
    public static void unreflectedHandle(Object handle, Field field) {
        if (field == null) return;
        created(handle, field.getDeclaringClass(), field.getName(), field.getType(),
                Modifier.isStatic(field.getModifiers()));
    }

    /** {@code MethodHandles.arrayElementVarHandle(arrayClass)} returned {@code handle}. */
    public static void arrayHandle(Object handle) {
        if (!Analysis.enabled || handle == null) return;
        Object token = Analysis.suspend();
        try {
            registerArray(handle);
        } catch (Throwable e) {
            Internal.error("registering a VarHandle", e);
        } finally {
            Analysis.resume(token);
        }
    }

    private static void created(Object handle, Class<?> lookedUpIn, String name, Class<?> type, boolean isStatic) {
        if (!Analysis.enabled || handle == null || lookedUpIn == null || name == null || type == null) return;
        // Reflection runs JDK code that racecheck models; none of it is the program's synchronization.
        Object token = Analysis.suspend();
        try {
            register(handle, lookedUpIn, name, type, isStatic);
        } catch (Throwable e) {
            Internal.error("registering a VarHandle", e);
        } finally {
            Analysis.resume(token);
        }
    }

    /** Records what a field handle accesses. */
    static void register(Object handle, Class<?> lookedUpIn, String name, Class<?> type, boolean isStatic) {
        Analysis.SHADOWS.get(handle).modelledAs = target(lookedUpIn, name, type, isStatic, 0);
    }

    /** What an access of field {@code name} of type {@code type}, looked up in {@code lookedUpIn}, reaches. */
    static Target target(Class<?> lookedUpIn, String name, Class<?> type, boolean isStatic, int accessor) {
        Field f = declared(lookedUpIn, name, type);
        Class<?> declaring = f == null ? lookedUpIn : f.getDeclaringClass();
        boolean isFinal = f != null && Modifier.isFinal(f.getModifiers());
        boolean isVolatile = f != null && Modifier.isVolatile(f.getModifiers());
        int id;
        synchronized (VarHandles.class) {
            id = nextTargetId++;
        }
        return new Target(isStatic ? Detector.STATIC : Detector.FIELD, declaring, name,
                isFinal ? -1 : Sites.fieldKey(name, type.descriptorString()), Sites.syncKey(name), id, isVolatile,
                accessor);
    }

    /** Records that a handle accesses array elements. */
    static void registerArray(Object handle) {
        Analysis.SHADOWS.get(handle).modelledAs = ELEMENTS;
    }

    /** The field a lookup resolves: declared in the class or inherited from a superclass. */
    private static Field declared(Class<?> c, String name, Class<?> type) {
        for (Class<?> k = c; k != null; k = k.getSuperclass()) {
            for (Field f : k.getDeclaredFields()) {
                if (f.getName().equals(name) && f.getType() == type) return f;
            }
        }
        return null;
    }

    // ---- atomic arrays (hooks in java.util.concurrent.atomic) ------------------------------------------------------

    /** An {@code AtomicIntegerArray} (Long, Reference) read of element {@code index} of its inner array. */
    public static void elementAcquire(Object array, int index) {
        if (!Analysis.enabled) return;
        ThreadState ts = RaceEvents.thread();
        if (ts.ignore != 0) return;
        try {
            if (inBounds(array, index)) Analysis.DETECTOR.acquireElement(ts, Analysis.SHADOWS.get(array), index);
        } catch (Throwable e) {
            Internal.error("modelling an atomic array", e);
        }
    }

    /**
     * An atomic array's compare-and-set of element {@code index}: releases when the element holds the expected value
     * (read from the inner array; a failed compare-and-set writes nothing).
     */
    public static void elementReleaseIfSame(int index, int expected, Object array) {
        if (array instanceof int[] a && index >= 0 && index < a.length && a[index] == expected) {
            elementRelease(array, index);
        }
    }

    public static void elementReleaseIfSame(int index, long expected, Object array) {
        if (array instanceof long[] a && index >= 0 && index < a.length && a[index] == expected) {
            elementRelease(array, index);
        }
    }

    public static void elementReleaseIfSame(int index, Object expected, Object array) {
        if (array instanceof Object[] a && index >= 0 && index < a.length && a[index] == expected) {
            elementRelease(array, index);
        }
    }

    /** An atomic array's write of element {@code index}. */
    public static void elementRelease(Object array, int index) {
        if (!Analysis.enabled) return;
        ThreadState ts = RaceEvents.thread();
        if (ts.ignore != 0) return;
        try {
            if (inBounds(array, index)) {
                Analysis.DETECTOR.releaseElement(ts, Analysis.SHADOWS.get(array), index, Array.getLength(array));
            }
        } catch (Throwable e) {
            Internal.error("modelling an atomic array", e);
        }
    }
}
