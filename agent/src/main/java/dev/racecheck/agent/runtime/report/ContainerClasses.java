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

    /** The target of a race on a container's state: its class as the program knows it, and its identity. */
    public static Target target(String type, String instance) {
        return new Target(Target.Kind.CONTAINER, type, Target.STATE, instance);
    }

    /**
     * The stack of an access to a container's state at {@code site}, starting with a frame that names the operation
     * ({@code java.util.HashMap.put(HashMap.java)}, no line: the JDK's code is not the racy line), then the program's
     * frames ({@link #programFrames}). The operation is the site's: the class whose method did it (the receiver's JDK
     * class, a view's or iterator's class, or the JDK method a container was passed to) and the method's name.
     */
    public static List<Frame> withOperation(int site, List<Frame> stack) {
        String type = Sites.fieldOwner(site);
        String simple = type.substring(type.lastIndexOf('.') + 1);
        int nested = simple.indexOf('$');
        String file = (nested < 0 ? simple : simple.substring(0, nested)) + ".java";
        List<Frame> frames = programFrames(stack);
        List<Frame> out = new ArrayList<>(frames.size() + 1);
        out.add(new Frame(type, Sites.fieldName(site), file, -1));
        out.addAll(frames);
        return out;
    }

    /**
     * The stack without the JDK frames above the program's innermost one: an access recorded inside the JDK on the
     * program's behalf (a synchronized wrapper's method, {@code Field.set}) is shown at the program's line, as one
     * the program made itself. A stack of JDK frames only is kept whole.
     */
    public static List<Frame> programFrames(List<Frame> stack) {
        int i = 0;
        while (i < stack.size() && isJdkFrame(stack.get(i))) i++;
        return i == 0 || i == stack.size() ? stack : List.copyOf(stack.subList(i, stack.size()));
    }

    private static boolean isJdkFrame(Frame f) {
        String module = f.module();
        if (module != null) return module.startsWith("java.") || module.startsWith("jdk.");
        String c = f.className();
        return c.startsWith("java.") || c.startsWith("jdk.") || c.startsWith("sun.");
    }

    private static boolean isJdk(Class<?> c) {
        ClassLoader l = c.getClassLoader();
        return l == null || l == ClassLoader.getPlatformClassLoader();
    }
}
