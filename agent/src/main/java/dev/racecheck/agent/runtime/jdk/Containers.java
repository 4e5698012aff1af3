package dev.racecheck.agent.runtime.jdk;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import dev.racecheck.agent.runtime.analysis.Analysis;
import dev.racecheck.agent.runtime.analysis.Detector;
import dev.racecheck.agent.runtime.analysis.OptimisticReads;
import dev.racecheck.agent.runtime.report.ContainerClasses;
import dev.racecheck.agent.runtime.report.Internal;
import dev.racecheck.agent.runtime.report.Sites;
import dev.racecheck.agent.runtime.shadow.VarState;
import dev.racecheck.agent.runtime.threads.ThreadState;

/**
 * Races on the JDK's library objects that are not thread-safe ({@code HashMap}, {@code ArrayList},
 * {@code StringBuilder}, {@code SimpleDateFormat}...): the whole state of such an object is one variable of its
 * shadow ({@link #STATE_KEY}), and each call of one of its methods from application code reads or writes it, through
 * the same detector as fields. JDK code is never instrumented for accesses, so the JDK's own (benign) use of these
 * classes is never seen; neither are objects of other classes ({@code ConcurrentHashMap}, the
 * {@code Collections.synchronized*} wrappers), for which {@link #call} returns at once.
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
    /** Object's methods that do not look at the state. */
    private static final Set<String> NOT_OPERATIONS = Set.of("getClass", "wait", "notify", "notifyAll", "<init>",
            "<clinit>");

    /** Operation number to name and descriptor. Guarded by Containers.class. */
    private static String[] names = new String[64];
    private static String[] descriptors = new String[64];
    private static final Map<String, Integer> NUMBERS = new HashMap<>();

    private static final ClassValue<Model> MODELS = new ClassValue<>() {
        @Override
        protected Model computeValue(Class<?> c) {
            Object token = Analysis.suspend(); // reflection below may load classes: not the program's doing
            try {
                return model(c);
            } finally {
                Analysis.resume(token);
            }
        }
    };

    private Containers() {
        // no instances
    }

    /** What racecheck knows about the receivers of one class. */
    static final class Model {
        static final Model NOT_MODELLED = new Model(null, false);

        /** The modelled JDK class: the receiver's own, or for an application subclass its nearest JDK superclass. */
        final Class<?> jdkClass;
        /** The receiver's class is an application subclass of {@link #jdkClass}. */
        final boolean subclass;
        /** Every call writes: a {@code WeakHashMap} expunges stale entries in get() and size() too. */
        final boolean everyCallWrites;
        /** A LinkedHashMap, whose lookups write when it keeps its entries in access order. */
        final boolean linked;
        /** For subclasses, per operation number: 0 not known yet, 1 the JDK's method runs, 2 an override runs. */
        private volatile byte[] implementedByJdk = new byte[0];

        Model(Class<?> jdkClass, boolean subclass) {
            this.jdkClass = jdkClass;
            this.subclass = subclass;
            this.everyCallWrites = jdkClass == java.util.WeakHashMap.class;
            this.linked = jdkClass == java.util.LinkedHashMap.class;
        }

        boolean modelled() {
            return jdkClass != null;
        }

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
            String name = name(number);
            String descriptor = descriptor(number);
            for (Method m : jdkClass.getMethods()) {
                if (!Modifier.isStatic(m.getModifiers()) && m.getName().equals(name)
                        && descriptor(m).equals(descriptor)) {
                    return true;
                }
            }
            return false;
        }

        /** A class between the receiver's and the JDK class declares the method itself. */
        private boolean overridden(Class<?> c, int number) {
            String name = name(number);
            String descriptor = descriptor(number);
            for (Class<?> k = c; k != null && k != jdkClass; k = k.getSuperclass()) {
                for (Method m : k.getDeclaredMethods()) {
                    if (!Modifier.isStatic(m.getModifiers()) && !Modifier.isAbstract(m.getModifiers())
                            && m.getName().equals(name) && descriptor(m).equals(descriptor)) {
                        return true;
                    }
                }
            }
            return false;
        }
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

    /** A call of operation {@code op} (see {@link #operation}) on {@code receiver}, at {@code site}, is about to run. */
    public static void call(Object receiver, int op, int site, ThreadState ts, int base) {
        if (ts.ignore != 0 || receiver == null) return;
        try {
            Class<?> c = receiver.getClass();
            Model m = MODELS.get(c);
            if (!m.modelled()) return;
            if (m.subclass && (op & SUPER) == 0 && !m.runsJdkMethod(c, op >>> SHIFT)) return;
            VarState v = Analysis.SHADOWS.get(receiver).field(STATE_KEY);
            boolean write = (op & WRITE) != 0 || m.everyCallWrites
                    || (op & LOOKUP) != 0 && m.linked && inAccessOrder(receiver);
            if (write) {
                if (v.w == ts.epoch) return;
                Analysis.DETECTOR.write(ts, v, site, base, receiver, Detector.CONTAINER);
            } else {
                if (v.r == ts.epoch) return;
                OptimisticReads o = (OptimisticReads) ts.optimistic;
                if (o != null && o.active() && o.defer(ts, Analysis.DETECTOR, v, site, base, receiver, Detector.CONTAINER)) return;
                Analysis.DETECTOR.read(ts, v, site, base, receiver, Detector.CONTAINER);
            }
        } catch (Throwable e) {
            Internal.error("analysing a call on a " + receiver.getClass().getName(), e);
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

    static Model model(Class<?> c) {
        Class<?> jdk = ContainerClasses.modelledJdkClass(c);
        return jdk == null ? Model.NOT_MODELLED : new Model(jdk, jdk != c);
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
