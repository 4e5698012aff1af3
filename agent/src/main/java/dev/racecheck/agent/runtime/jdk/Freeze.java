package dev.racecheck.agent.runtime.jdk;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

import dev.racecheck.agent.runtime.analysis.Analysis;
import dev.racecheck.agent.runtime.report.Internal;
import dev.racecheck.agent.runtime.shadow.CompanionState;
import dev.racecheck.agent.runtime.shadow.InlineShadows;
import dev.racecheck.agent.runtime.shadow.ElementStates;
import dev.racecheck.agent.runtime.shadow.Shadow;
import dev.racecheck.agent.runtime.shadow.VarState;
import dev.racecheck.agent.runtime.threads.ThreadState;

/**
 * The freeze of a final field (JLS 17.5), at the end of the constructor that set it: every thread that sees the
 * object sees what the field refers to, and everything reachable from there, at least as up to date as at the
 * freeze, even when it reached the object by a data race. So the writes to those objects and arrays that
 * happen-before the freeze can race with no read: they are forgotten, as if they were initial state. Writes after
 * the freeze are checked as before.
 *
 * <p>Bounded: the walk follows only objects racecheck tracked something of (they have a shadow), through the
 * elements of reference arrays, the reference fields of application classes (not the JDK's: their insides are
 * not tracked) and what the JDK's plain collections and maps hold, at most {@value #MAX_OBJECTS} objects and {@value #MAX_REFERENCES} references per freeze. What lies
 * beyond keeps its writes, and may be reported.
 */
public final class Freeze {
    static final int MAX_OBJECTS = 64;
    static final int MAX_REFERENCES = 4096;

    private static final Field[] NONE = new Field[0];
    /** Per class: its reference instance fields (and its application superclasses'), accessible; none for the JDK's. */
    private static final ClassValue<Field[]> REFERENCE_FIELDS = new ClassValue<Field[]>() {
        @Override
        protected Field[] computeValue(Class<?> c) {
            return referenceFields(c);
        }
    };

    private Freeze() {
        // no instances
    }

    /**
     * Per class: its companion fields ({@link InlineShadows}) and its application superclasses', accessible. An
     * application object's fields keep their states there, not in a shadow.
     */
    private static final ClassValue<Field[]> COMPANION_FIELDS = new ClassValue<Field[]>() {
        @Override
        protected Field[] computeValue(Class<?> c) {
            return companionFields(c);
        }
    };

    /** A constructor of the current thread returns; {@code referent} is the value of a final field it set. */
    public static void frozen(Object referent, ThreadState ts) {
        if (ts.ignore != 0 || referent == null) return;
        ts.endFilterGeneration(); // a write this thread made may be forgotten: it must be checked if made again
        ts.ignore++; // reflection below runs JDK code that racecheck models
        try {
            // Nothing of it was ever tracked (the common case): a lookup and no more.
            if (!forget(referent, ts) && !UNSYNCHRONIZED_JDK_CONTAINERS.contains(referent.getClass().getName())) {
                return;
            }
            forgetReachable(referent, ts);
        } catch (Throwable e) {
            Internal.error("recording a final-field freeze", e);
        } finally {
            ts.ignore--;
        }
    }

    private static void forgetReachable(Object root, ThreadState ts) throws IllegalAccessException {
        Object[] seen = new Object[MAX_OBJECTS];
        int count = 0;
        seen[count++] = root;
        int references = 0;
        for (int next = 0; next < count; next++) {
            Object o = seen[next];
            if (o instanceof Object[]) {
                for (Object e : (Object[]) o) {
                    if (++references > MAX_REFERENCES || count == MAX_OBJECTS) return;
                    count = visit(e, seen, count, ts);
                }
            } else if (UNSYNCHRONIZED_JDK_CONTAINERS.contains(o.getClass().getName())) {
                // What the container holds: elements, keys and values (toArray runs no program code on these).
                for (Object e : Containers.heldBy(o)) {
                    if (++references > MAX_REFERENCES || count == MAX_OBJECTS) return;
                    count = visit(e, seen, count, ts);
                }
            } else if (!o.getClass().isArray()) {
                for (Field f : REFERENCE_FIELDS.get(o.getClass())) {
                    if (++references > MAX_REFERENCES || count == MAX_OBJECTS) return;
                    count = visit(f.get(o), seen, count, ts);
                }
            }
        }
    }

    /**
     * JDK containers whose elements the walk follows: toArray on them takes no lock and calls no method of the
     * program's (a synchronized wrapper would take the program's monitor; a concurrent one is thread-safe anyway).
     */
    private static final java.util.Set<String> UNSYNCHRONIZED_JDK_CONTAINERS = java.util.Set.of(
            "java.util.ArrayList", "java.util.LinkedList", "java.util.ArrayDeque", "java.util.HashMap",
            "java.util.LinkedHashMap", "java.util.TreeMap", "java.util.HashSet", "java.util.LinkedHashSet",
            "java.util.TreeSet", "java.util.PriorityQueue", "java.util.IdentityHashMap", "java.util.EnumMap",
            "java.util.Arrays$ArrayList", "java.util.ImmutableCollections$List12",
            "java.util.ImmutableCollections$ListN", "java.util.ImmutableCollections$Set12",
            "java.util.ImmutableCollections$SetN", "java.util.ImmutableCollections$Map1",
            "java.util.ImmutableCollections$MapN");

    /** Forgets {@code o}'s writes and queues it, if it is tracked and new; returns the new count. */
    private static int visit(Object o, Object[] seen, int count, ThreadState ts) {
        if (o == null) return count;
        for (int i = 0; i < count; i++) {
            if (seen[i] == o) return count;
        }
        if (!forget(o, ts)) return count;
        seen[count] = o;
        return count + 1;
    }

    /** Forgets the writes before ts's clock to {@code o}'s fields or elements; false if none was ever tracked. */
    private static boolean forget(Object o, ThreadState ts) {
        boolean tracked = false;
        Shadow s = Analysis.SHADOWS.peek(o);
        if (s != null) {
            for (VarState v : s.states()) {
                if (v != null) Analysis.DETECTOR.freeze(ts, v);
            }
            ElementStates es = s.existingElements();
            if (es != null) Analysis.DETECTOR.freeze(ts, es);
            tracked = true;
        }
        if (o.getClass().isArray()) return tracked;
        // A set's state is its map's (and a view's its container's): forgotten there.
        VarState container = Containers.existingState(o);
        if (container != null) {
            Analysis.DETECTOR.freeze(ts, container);
            tracked = true;
        }
        for (Field f : COMPANION_FIELDS.get(o.getClass())) {
            Object state;
            try {
                state = f.get(o);
            } catch (IllegalAccessException e) {
                continue;
            }
            if (state instanceof CompanionState v && v.owner == o) {
                Analysis.DETECTOR.freeze(ts, v);
                tracked = true;
            }
        }
        return tracked;
    }

    private static Field[] companionFields(Class<?> c) {
        List<Field> out = new ArrayList<>();
        for (Class<?> k = c; k != null && !isJdk(k); k = k.getSuperclass()) {
            for (Field f : k.getDeclaredFields()) {
                if (!isCompanion(f)) continue;
                try {
                    f.setAccessible(true);
                    out.add(f);
                } catch (RuntimeException e) {
                    // a class of a module that does not open its package: its fields keep their writes
                }
            }
        }
        return out.isEmpty() ? NONE : out.toArray(NONE);
    }

    private static boolean isCompanion(Field f) {
        return f.isSynthetic() && f.getName().startsWith(InlineShadows.PREFIX) && !Modifier.isStatic(f.getModifiers());
    }

    private static Field[] referenceFields(Class<?> c) {
        List<Field> out = new ArrayList<>();
        for (Class<?> k = c; k != null && !isJdk(k); k = k.getSuperclass()) {
            for (Field f : k.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) || f.getType().isPrimitive() || isCompanion(f)) continue;
                try {
                    f.setAccessible(true);
                    out.add(f);
                } catch (RuntimeException e) {
                    // a class of a module that does not open its package: not followed
                }
            }
        }
        return out.isEmpty() ? NONE : out.toArray(NONE);
    }

    private static boolean isJdk(Class<?> c) {
        ClassLoader l = c.getClassLoader();
        return l == null || l == ClassLoader.getPlatformClassLoader();
    }
}
