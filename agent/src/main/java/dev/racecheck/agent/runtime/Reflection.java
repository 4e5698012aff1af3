package dev.racecheck.agent.runtime;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

import dev.racecheck.agent.runtime.analysis.Analysis;
import dev.racecheck.agent.runtime.analysis.Detector;
import dev.racecheck.agent.runtime.report.Internal;
import dev.racecheck.agent.runtime.report.Sites;
import dev.racecheck.agent.runtime.shadow.Shadow;
import dev.racecheck.agent.runtime.threads.ThreadState;

/**
 * Fields read and written through reflection: {@code Field.get*}/{@code set*} (hooks inside {@code Field}, so every
 * caller counts, a library's or the JDK's acting for the program included) and the method handles of
 * {@code Lookup.findGetter}, {@code findSetter}, {@code findStaticGetter}, {@code findStaticSetter},
 * {@code unreflectGetter} and {@code unreflectSetter} (registered where they are made, like VarHandles, and checked
 * at the application's {@code invoke}/{@code invokeExact} call sites). A plain field's access is checked like the
 * field's own getfield or putfield, in the same state (its companion field or its shadow, see {@link VarHandles});
 * a volatile field's is an acquire (read) or a release (write, before it), like the field's own. Final fields, the
 * JDK's own fields and racecheck's companion fields are not tracked.
 */
public final class Reflection {
    /** {@link VarHandles.Target#accessor}: a handle that reads the field. */
    static final int GETTER = 1;
    /** A handle that writes it. */
    static final int SETTER = 2;

    /** The target of a Field racecheck does not track (the JDK's, a final one, a companion). */
    private static final VarHandles.Target UNTRACKED =
            new VarHandles.Target(-1, null, null, -1, -1, 0, false, 0);

    private Reflection() {
        // no instances
    }

    // ---- Field (hooks in java.lang.reflect.Field) ----------------------------------------------------------------

    /** {@code Field.get*(obj)} returned: a read of the field (an acquire if it is volatile). */
    public static void reflectedRead(Field field, Object obj, int site) {
        fieldAccess(field, obj, site, false, false);
    }

    /** {@code Field.set*(obj, v)} is about to write: a volatile field releases before the write. */
    public static void reflectedWriting(Field field, Object obj, int site) {
        fieldAccess(field, obj, site, true, true);
    }

    /** {@code Field.set*(obj, v)} returned: a write of a plain field. */
    public static void reflectedWrite(Field field, Object obj, int site) {
        fieldAccess(field, obj, site, true, false);
    }

    private static void fieldAccess(Field field, Object obj, int site, boolean write, boolean beforeWrite) {
        if (!Analysis.enabled || field == null) return;
        ThreadState ts = Analysis.CURRENT.get();
        if (ts.ignore != 0) return;
        try {
            VarHandles.Target t = target(field, ts);
            if (t == UNTRACKED) return;
            if (t.isVolatile) {
                // Release before the write, acquire after the read; a volatile's plain state is not tracked.
                if (write == beforeWrite) VarHandles.fieldSync(t, obj, ts, write);
            } else if (!beforeWrite) {
                // A JDK method runs: the access is the program's, at its innermost instrumented frame.
                VarHandles.fieldAccess(t, obj, site, ts, ts.depth, write);
            }
        } catch (Throwable e) {
            Internal.error("analysing a reflective access", e);
        }
    }

    /** What a Field reaches, kept in its shadow (a program keeps its Field objects, and each knows its class). */
    private static VarHandles.Target target(Field f, ThreadState ts) {
        Shadow s = Analysis.SHADOWS.get(f);
        Object known = s.modelledAs;
        if (known instanceof VarHandles.Target t) return t;
        VarHandles.Target t;
        ts.ignore++; // reflection on the class: racecheck's own work
        try {
            Class<?> declaring = f.getDeclaringClass();
            int m = f.getModifiers();
            boolean untracked = isJdk(declaring) || Modifier.isFinal(m) || f.isSynthetic()
                    && f.getName().startsWith(Sites.COMPANION_PREFIX);
            t = untracked ? UNTRACKED
                    : VarHandles.target(declaring, f.getName(), f.getType(), Modifier.isStatic(m), 0);
        } finally {
            ts.ignore--;
        }
        s.modelledAs = t;
        return t;
    }

    private static boolean isJdk(Class<?> c) {
        ClassLoader l = c.getClassLoader();
        return l == null || l == ClassLoader.getPlatformClassLoader();
    }

    // ---- method handles made by Lookup (hooks in MethodHandles$Lookup) ------------------------------------------

    public static void getterHandle(Object handle, Class<?> refc, String name, Class<?> type) {
        created(handle, refc, name, type, false, GETTER);
    }

    public static void setterHandle(Object handle, Class<?> refc, String name, Class<?> type) {
        created(handle, refc, name, type, false, SETTER);
    }

    public static void staticGetterHandle(Object handle, Class<?> refc, String name, Class<?> type) {
        created(handle, refc, name, type, true, GETTER);
    }

    public static void staticSetterHandle(Object handle, Class<?> refc, String name, Class<?> type) {
        created(handle, refc, name, type, true, SETTER);
    }

    public static void unreflectedGetter(Object handle, Field f) {
        if (f != null) {
            created(handle, f.getDeclaringClass(), f.getName(), f.getType(), Modifier.isStatic(f.getModifiers()),
                    GETTER);
        }
    }

    public static void unreflectedSetter(Object handle, Field f) {
        if (f != null) {
            created(handle, f.getDeclaringClass(), f.getName(), f.getType(), Modifier.isStatic(f.getModifiers()),
                    SETTER);
        }
    }

    private static void created(Object handle, Class<?> lookedUpIn, String name, Class<?> type, boolean isStatic,
                                int accessor) {
        if (!Analysis.enabled || handle == null || lookedUpIn == null || name == null || type == null) return;
        if (isJdk(lookedUpIn)) return;
        Object token = Analysis.suspend(); // reflection below runs JDK code racecheck models
        try {
            VarHandles.Target t = VarHandles.target(lookedUpIn, name, type, isStatic, accessor);
            Analysis.SHADOWS.get(handle).modelledAs = t;
        } catch (Throwable e) {
            Internal.error("registering a method handle", e);
        } finally {
            Analysis.resume(token);
        }
    }

    // ---- application call sites of MethodHandle.invoke / invokeExact --------------------------------------------

    /**
     * Before {@code handle.invoke(...)}: a setter of a volatile field releases. {@code first} is the first argument
     * if it is a reference (the receiver of an instance field's handle), else null.
     */
    public static void invoking(Object handle, Object first, ThreadState ts) {
        if (ts.ignore != 0 || handle == null) return;
        try {
            VarHandles.Target t = accessorTarget(handle);
            if (t != null && t.accessor == SETTER && t.isVolatile) VarHandles.fieldSync(t, first, ts, true);
        } catch (Throwable e) {
            Internal.error("modelling a method handle", e);
        }
    }

    /** After {@code handle.invoke(...)} returned: a getter reads (acquires, if volatile), a setter writes. */
    public static void invoked(Object handle, Object first, int site, ThreadState ts, int base) {
        if (ts.ignore != 0 || handle == null) return;
        try {
            VarHandles.Target t = accessorTarget(handle);
            if (t == null) return;
            if (t.isVolatile) {
                if (t.accessor == GETTER) VarHandles.fieldSync(t, first, ts, false);
            } else {
                VarHandles.fieldAccess(t, first, site, ts, base, t.accessor == SETTER);
            }
        } catch (Throwable e) {
            Internal.error("analysing a method handle access", e);
        }
    }

    private static VarHandles.Target accessorTarget(Object handle) {
        VarHandles.Target t = VarHandles.target(handle);
        return t == null || t.accessor == 0 || t.kind != Detector.FIELD && t.kind != Detector.STATIC ? null : t;
    }
}
