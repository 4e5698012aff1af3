package dev.racecheck.agent.runtime.jdk;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;

import dev.racecheck.agent.runtime.analysis.Analysis;
import dev.racecheck.agent.runtime.report.ContainerClasses;
import dev.racecheck.agent.runtime.shadow.InlineShadows;

/**
 * What racecheck knows about the objects of one class, for {@link Containers}: whether they hold a container's data,
 * lead to a container whose data they show (a view, an iterator, a spliterator, an unmodifiable or checked wrapper:
 * their state IS that container's), are map entries, or are synchronized wrappers.
 *
 * <p>A view leads to its container through one field, read with Unsafe at an offset found once per class: an inner
 * class's outer instance ({@code this$0}: {@code HashMap$KeySet}, {@code ArrayList$Itr}, and JDK 18+ iterators that
 * keep it only in their superclass), or for the JDK's static nested views the field {@link #VIEW_FIELDS} names
 * ({@code TreeMap$KeySet.m}, {@code ArrayList$SubList.root}, {@code Collections$UnmodifiableCollection.c}). Following
 * such fields from an object ends at a container (its state), at a map entry (its map's state, if racecheck saw the
 * entry handed out), or at anything else (no state: a view of a concurrent map, of an immutable list). A set keeps
 * its data in a map ({@code HashSet.map}, {@code TreeSet.m}): its state is that map's, so that the set, its iterator
 * (an iterator of the map's key set) and a {@code TreeSet.headSet} view meet on one variable.
 */
final class ContainerModel {
    /** Nothing racecheck models. */
    static final int OTHER = 0;
    /** A modelled class or an application subclass of one. */
    static final int CONTAINER = 1;
    /** A JDK view, iterator, spliterator or wrapper: its state is that of what {@link #next} leads to. */
    static final int VIEW = 2;
    /** A map's node ({@code HashMap$Node}, {@code TreeMap$Entry}): knows no map; linked when handed out. */
    static final int ENTRY = 3;
    /**
     * A {@code Collections.synchronized*} wrapper: calls on it are recorded inside its methods, under its mutex
     * ({@link Containers#wrapperCall}), never at the program's call site, which runs before the lock is taken.
     */
    static final int SYNCHRONIZED = 4;

    static final ContainerModel NOT_MODELLED = new ContainerModel(OTHER, null, false, -1L, false, false);

    /**
     * JDK static nested views and wrappers, by class (or a superclass of theirs), and the field that leads to their
     * container. Inner classes need no entry: their outer instance is found by name. Classes a JDK lacks never show up.
     */
    static final Map<String, String> VIEW_FIELDS = Map.ofEntries(
            Map.entry("java.util.TreeMap$KeySet", "m"),
            Map.entry("java.util.TreeMap$NavigableSubMap", "m"),
            Map.entry("java.util.TreeMap$TreeMapSpliterator", "tree"),
            Map.entry("java.util.HashMap$HashMapSpliterator", "map"),
            Map.entry("java.util.WeakHashMap$WeakHashMapSpliterator", "map"),
            Map.entry("java.util.IdentityHashMap$IdentityHashMapSpliterator", "map"),
            Map.entry("java.util.LinkedList$LLSpliterator", "list"),
            Map.entry("java.util.ArrayList$SubList", "root"),
            Map.entry("java.util.AbstractList$SubList", "root"),
            Map.entry("java.util.AbstractList$RandomAccessSpliterator", "list"),
            Map.entry("java.util.Spliterators$IteratorSpliterator", "collection"),
            Map.entry("java.util.Collections$UnmodifiableCollection", "c"),
            Map.entry("java.util.Collections$UnmodifiableMap", "m"),
            Map.entry("java.util.Collections$UnmodifiableMap$UnmodifiableEntrySet$UnmodifiableEntry", "e"),
            Map.entry("java.util.Collections$UnmodifiableMap$UnmodifiableEntrySet$UnmodifiableEntrySetSpliterator",
                    "s"),
            Map.entry("java.util.Collections$CheckedCollection", "c"),
            Map.entry("java.util.Collections$CheckedMap", "m"),
            Map.entry("java.util.Collections$CheckedMap$CheckedEntrySet", "s"),
            Map.entry("java.util.Collections$CheckedMap$CheckedEntrySet$CheckedEntry", "e"),
            Map.entry("java.util.Collections$SetFromMap", "m"),
            Map.entry("java.util.Collections$AsLIFOQueue", "q"),
            // JDK 21+: the reversed() views of sequenced collections.
            Map.entry("java.util.ReverseOrderListView", "base"),
            Map.entry("java.util.ReverseOrderDequeView", "base"),
            Map.entry("java.util.ReverseOrderSortedSetView", "base"),
            Map.entry("java.util.ReverseOrderSortedMapView", "base"),
            Map.entry("java.util.LinkedHashMap$ReversedLinkedHashMapView", "base"),
            Map.entry("java.util.LinkedList$ReverseOrderLinkedListView", "list"));

    /** Views whose mutators throw: every call on them, or on what they hand out, reads. */
    private static final Set<String> READ_ONLY = Set.of("java.util.Collections$UnmodifiableCollection",
            "java.util.Collections$UnmodifiableMap",
            "java.util.Collections$UnmodifiableMap$UnmodifiableEntrySet$UnmodifiableEntry",
            "java.util.Collections$UnmodifiableMap$UnmodifiableEntrySet$UnmodifiableEntrySetSpliterator");

    /** The nodes of the modelled maps, which their entry iterators hand out as the map's entries. */
    private static final Set<String> ENTRIES = Set.of("java.util.HashMap$Node", "java.util.HashMap$TreeNode",
            "java.util.LinkedHashMap$Entry", "java.util.TreeMap$Entry", "java.util.WeakHashMap$Entry");

    /** The synchronized wrappers, and the field of each that holds the wrapped collection or map. */
    private static final Map<String, String> SYNCHRONIZED_FIELDS = Map.of(
            "java.util.Collections$SynchronizedCollection", "c",
            "java.util.Collections$SynchronizedMap", "m");

    /** Sets whose data is a map of theirs, and that field. */
    private static final Map<String, String> SET_MAPS = Map.of("java.util.HashSet", "map", "java.util.TreeSet", "m");

    final int kind;
    /**
     * CONTAINER: the modelled JDK class (the receiver's own, or an application subclass's nearest JDK superclass);
     * the class whose method a call runs, for the report.
     */
    final Class<?> jdkClass;
    /** CONTAINER: the receiver's class is an application subclass of {@link #jdkClass}. */
    final boolean subclass;
    /**
     * The offset of the field that leads on: a VIEW's container (or the view or entry it wraps), a set's map, a
     * synchronized wrapper's collection; -1 for a container that holds its own data.
     */
    final long next;
    /** A VIEW whose mutators throw (unmodifiable): calls through it read. */
    final boolean readOnly;
    /** A VIEW whose {@code next()} hands out map entries (an entry set's iterator): they get linked to the map. */
    final boolean entryIterator;
    /** CONTAINER: a LinkedHashMap, whose lookups write when it keeps its entries in access order. */
    final boolean linked;
    /** CONTAINER: every call writes (a WeakHashMap expunges stale entries in get() and size() too). */
    final boolean everyCallWrites;
    /** For subclasses, per operation number: 0 not known yet, 1 the JDK's method runs, 2 an override runs. */
    private volatile byte[] implementedByJdk = new byte[0];

    private ContainerModel(int kind, Class<?> jdkClass, boolean subclass, long next, boolean readOnly,
                           boolean entryIterator) {
        this.kind = kind;
        this.jdkClass = jdkClass;
        this.subclass = subclass;
        this.next = next;
        this.readOnly = readOnly;
        this.entryIterator = entryIterator;
        this.linked = jdkClass == java.util.LinkedHashMap.class;
        this.everyCallWrites = jdkClass == java.util.WeakHashMap.class;
    }

    private static final ClassValue<ContainerModel> MODELS = new ClassValue<>() {
        @Override
        protected ContainerModel computeValue(Class<?> c) {
            Object token = Analysis.suspend(); // reflection below may load classes: not the program's doing
            try {
                return model(c);
            } catch (Throwable e) {
                return NOT_MODELLED; // a class whose fields cannot be listed: no report is better than a false one
            } finally {
                Analysis.resume(token);
            }
        }
    };

    static ContainerModel of(Class<?> c) {
        return MODELS.get(c);
    }

    static ContainerModel model(Class<?> c) {
        Class<?> jdk = ContainerClasses.modelledJdkClass(c);
        if (jdk != null) {
            long map = -1L;
            for (Map.Entry<String, String> e : SET_MAPS.entrySet()) {
                Class<?> k = superclassNamed(jdk, e.getKey());
                if (k != null) {
                    map = offset(k, e.getValue());
                    if (map < 0) return NOT_MODELLED; // its data cannot be found: better none than a second state
                }
            }
            return new ContainerModel(CONTAINER, jdk, jdk != c, map, false, false);
        }
        if (!isJdk(c)) return NOT_MODELLED;
        for (Map.Entry<String, String> e : SYNCHRONIZED_FIELDS.entrySet()) {
            Class<?> k = superclassNamed(c, e.getKey());
            if (k != null) {
                long f = offset(k, e.getValue());
                return f < 0 ? NOT_MODELLED : new ContainerModel(SYNCHRONIZED, null, false, f, false, false);
            }
        }
        if (ENTRIES.contains(c.getName())) return new ContainerModel(ENTRY, null, false, -1L, false, false);
        boolean entryIterator = c.getName().contains("Entry") && java.util.Iterator.class.isAssignableFrom(c);
        for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
            String field = VIEW_FIELDS.get(k.getName());
            if (field != null) {
                long f = offset(k, field);
                return f < 0 ? NOT_MODELLED
                        : new ContainerModel(VIEW, null, false, f, READ_ONLY.contains(k.getName()), entryIterator);
            }
        }
        // An inner class: its outer instance, the nearest one declared (JDK 18+ javac drops unused ones, so an iterator
        // may keep it only in its superclass).
        for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
            for (Field f : k.getDeclaredFields()) {
                if (f.isSynthetic() && f.getName().startsWith("this$") && !Modifier.isStatic(f.getModifiers())) {
                    long o = InlineShadows.fieldOffset(f);
                    return o < 0 ? NOT_MODELLED : new ContainerModel(VIEW, null, false, o, false, entryIterator);
                }
            }
        }
        return NOT_MODELLED;
    }

    private static Class<?> superclassNamed(Class<?> c, String name) {
        for (Class<?> k = c; k != null; k = k.getSuperclass()) {
            if (k.getName().equals(name)) return k;
        }
        return null;
    }

    /** The offset of the reference field {@code name} declared by {@code c}, or -1. */
    private static long offset(Class<?> c, String name) {
        for (Field f : c.getDeclaredFields()) {
            if (f.getName().equals(name)) return InlineShadows.fieldOffset(f);
        }
        return -1L;
    }

    private static boolean isJdk(Class<?> c) {
        ClassLoader l = c.getClassLoader();
        return l == null || l == ClassLoader.getPlatformClassLoader();
    }

    /** The object {@link #next} leads to from {@code o}, or null. */
    Object next(Object o) {
        return InlineShadows.get(o, next);
    }

    // ---- application subclasses ---------------------------------------------------------------------------------

    /** Whether a call of operation {@code number} on a receiver of class {@code c} runs the JDK's method. */
    boolean runsJdkMethod(Class<?> c, int number) {
        byte[] known = implementedByJdk;
        if (number < known.length && known[number] != 0) return known[number] == 1;
        return resolve(c, number);
    }

    /** Reflection, which may load classes, runs without a lock; two threads may both do it, to the same end. */
    private boolean resolve(Class<?> c, int number) {
        boolean jdk;
        Object token = Analysis.suspend();
        try {
            jdk = jdkDeclares(number) && !overridden(c, number);
        } catch (Throwable e) {
            jdk = false; // a class whose methods cannot be listed: no report is better than a false one
        } finally {
            Analysis.resume(token);
        }
        synchronized (this) {
            byte[] known = implementedByJdk;
            if (number >= known.length) known = Arrays.copyOf(known, Math.max(number + 1, known.length * 2));
            known[number] = (byte) (jdk ? 1 : 2);
            implementedByJdk = known;
        }
        return jdk;
    }

    /** A public method of the JDK class (its own, inherited, or an interface's default) has this name and type. */
    private boolean jdkDeclares(int number) {
        String name = Containers.name(number);
        String descriptor = Containers.descriptor(number);
        for (Method m : jdkClass.getMethods()) {
            if (!Modifier.isStatic(m.getModifiers()) && m.getName().equals(name)
                    && Containers.descriptor(m).equals(descriptor)) {
                return true;
            }
        }
        return false;
    }

    /** A class between the receiver's and the JDK class declares the method itself. */
    private boolean overridden(Class<?> c, int number) {
        String name = Containers.name(number);
        String descriptor = Containers.descriptor(number);
        for (Class<?> k = c; k != null && k != jdkClass; k = k.getSuperclass()) {
            for (Method m : k.getDeclaredMethods()) {
                if (!Modifier.isStatic(m.getModifiers()) && !Modifier.isAbstract(m.getModifiers())
                        && m.getName().equals(name) && Containers.descriptor(m).equals(descriptor)) {
                    return true;
                }
            }
        }
        return false;
    }
}
