package dev.racecheck.agent.runtime.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.racecheck.reports.Frame;
import dev.racecheck.reports.Target;

/**
 * The JDK library classes whose objects racecheck checks as one variable each ({@code jdk.Containers}), which of them
 * an object is, and how a report names a race on such an object. The instrumenter (which calls to hook), the models
 * (which receivers count) and the reports all need this, so it sits here, below them all.
 */
public final class ContainerClasses {
    /** The JDK classes modelled, by binary name. */
    public static final Set<String> MODELLED_NAMES = Set.of(
            "java.util.HashMap", "java.util.LinkedHashMap", "java.util.TreeMap", "java.util.WeakHashMap",
            "java.util.IdentityHashMap", "java.util.EnumMap",
            "java.util.HashSet", "java.util.LinkedHashSet", "java.util.TreeSet",
            "java.util.RegularEnumSet", "java.util.JumboEnumSet",
            "java.util.ArrayList", "java.util.LinkedList", "java.util.Arrays$ArrayList",
            "java.util.ArrayDeque", "java.util.PriorityQueue", "java.util.BitSet",
            "java.lang.StringBuilder",
            "java.text.SimpleDateFormat", "java.text.DecimalFormat", "java.text.MessageFormat");

    private ContainerClasses() {
        // no instances
    }

    /**
     * The modelled JDK class of the objects of class {@code c}: {@code c} itself, or for an application subclass its
     * nearest JDK superclass; null when that JDK class is not modelled.
     */
    public static Class<?> modelledJdkClass(Class<?> c) {
        if (isJdk(c)) return MODELLED_NAMES.contains(c.getName()) ? c : null;
        for (Class<?> k = c.getSuperclass(); k != null; k = k.getSuperclass()) {
            if (isJdk(k)) return MODELLED_NAMES.contains(k.getName()) ? k : null;
        }
        return null;
    }

    /** The target of a race on {@code receiver}'s state. */
    public static Target target(Object receiver) {
        String type = receiver.getClass().getName();
        return new Target(Target.Kind.CONTAINER, type, Target.STATE,
                type + "@" + Integer.toHexString(System.identityHashCode(receiver)));
    }

    /**
     * The stack of an access to {@code receiver}'s state at {@code site}, starting with a frame that names the
     * operation ({@code java.util.HashMap.put(HashMap.java)}, no line: the JDK's code is not the racy line), then
     * the program's frames.
     */
    public static List<Frame> withOperation(Object receiver, int site, List<Frame> stack) {
        Class<?> jdk = modelledJdkClass(receiver.getClass());
        String type = jdk == null ? receiver.getClass().getName() : jdk.getName();
        String simple = type.substring(type.lastIndexOf('.') + 1);
        int nested = simple.indexOf('$');
        String file = (nested < 0 ? simple : simple.substring(0, nested)) + ".java";
        List<Frame> out = new ArrayList<>(stack.size() + 1);
        out.add(new Frame(type, Sites.fieldName(site), file, -1));
        out.addAll(stack);
        return out;
    }

    private static boolean isJdk(Class<?> c) {
        ClassLoader l = c.getClassLoader();
        return l == null || l == ClassLoader.getPlatformClassLoader();
    }
}
