package dev.racecheck.agent.instrument;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Calls that hand a container to the JDK, which reads (or writes) it where racecheck does not see the accesses: a copy
 * ({@code new ArrayList<>(c)}, {@code new HashMap<>(m)}, {@code List.copyOf(c)}, {@code addAll(c)}, {@code putAll(m)}),
 * a static helper ({@code Collections.sort(list)}, {@code max}, {@code frequency}, {@code String.join(",", list)}),
 * a conversion to text ({@code String.valueOf(list)}, {@code println(map)}, {@code "x" + sb},
 * {@code sb.append(otherBuilder)}, {@code String.format("%s", list)}), a comparison ({@code list.equals(other)}). Before
 * such a call, each argument that may be a container is passed to {@code RaceEvents.containerArgument(arg, write,
 * site, ts, base)}, which records a read (or write) of its container, if it is one, or a view of one, at the call's
 * line; the site names the JDK method ({@code Collections.sort}), as the report's operation.
 *
 * <p>Which calls: methods of JDK classes (and those an application subclass of a modelled class inherits) with a
 * parameter declared as a container type ({@code Collection}, {@code Map}, {@code Iterable}, {@code CharSequence},
 * {@code Map.Entry}, a modelled class): the JDK reads what it is given as such. Parameters of type {@code Object} are
 * not containers to the JDK (a queue's {@code put(x)}, a map's {@code put(k, v)} keep x without reading it), except for
 * the methods that turn their argument into text or compare it ({@link #TO_TEXT}). Not reads: the factories of
 * wrappers and views that keep the collection for later ({@code Collections.unmodifiableList},
 * {@code synchronizedMap}...: the wrapper's own calls count, when they are made). Writes: the {@link #WRITES} table.
 */
final class ContainerArguments {
    private static final String DESC = "(Ljava/lang/Object;ZI" + Hooks.TS + "I)V";
    private static final String EACH_DESC = "([Ljava/lang/Object;I" + Hooks.TS + "I)V";

    /** Parameter types under which the JDK reads a container it is given. */
    private static final Set<String> CONTAINER_TYPES = containerTypes();

    /** Methods (owner.name) that keep a container without reading it: view and wrapper factories. */
    private static final Set<String> KEEPS = Set.of("java/util/Spliterators.spliterator",
            "java/util/Collections.asLifoQueue", "java/lang/ProcessBuilder.<init>", "java/lang/ProcessBuilder.command");
    /** Prefixes of {@code java/util/Collections} methods that wrap without reading. */
    private static final String[] WRAPPER_FACTORIES = {"unmodifiable", "synchronized", "checked"};

    /** Methods (owner.name) that write the container argument at the given index. */
    private static final Map<String, Integer> WRITES = Map.ofEntries(
            Map.entry("java/util/Collections.sort", 0), Map.entry("java/util/Collections.reverse", 0),
            Map.entry("java/util/Collections.shuffle", 0), Map.entry("java/util/Collections.swap", 0),
            Map.entry("java/util/Collections.fill", 0), Map.entry("java/util/Collections.copy", 0),
            Map.entry("java/util/Collections.rotate", 0), Map.entry("java/util/Collections.addAll", 0),
            Map.entry("java/util/Collections.replaceAll", 0),
            Map.entry("java/util/regex/Matcher.appendReplacement", 0), Map.entry("java/util/regex/Matcher.appendTail", 0));

    /**
     * Methods whose {@code Object} parameters the JDK turns into text ({@code toString()}) or compares: owner.name, or
     * name alone for any owner ({@code equals}: only on a container type, see {@link #selected}).
     */
    private static final Set<String> TO_TEXT = Set.of("java/lang/String.valueOf", "java/lang/StringBuilder.append",
            "java/lang/StringBuilder.insert", "java/io/PrintStream.print", "java/io/PrintStream.println",
            "java/io/PrintWriter.print", "java/io/PrintWriter.println", "java/util/Objects.toString",
            "java/util/Objects.hashCode", "java/util/Objects.equals");
    /** Methods whose {@code Object...} parameter is formatted, each element to text. */
    private static final Set<String> FORMATS = Set.of("java/lang/String.format", "java/lang/String.formatted",
            "java/io/PrintStream.printf", "java/io/PrintStream.format", "java/io/PrintWriter.printf",
            "java/io/PrintWriter.format");

    /** Collection and map types whose {@code equals(Object)} walks the other object. */
    private static final Set<String> COMPARES_CONTENTS = comparesContents();

    /** Types of string concatenation arguments that are never containers. */
    private static final Set<String> IMMUTABLE = Set.of("java/lang/String", "java/lang/Integer", "java/lang/Long",
            "java/lang/Short", "java/lang/Byte", "java/lang/Character", "java/lang/Boolean", "java/lang/Float",
            "java/lang/Double", "java/lang/Class", "java/lang/Enum");

    private ContainerArguments() {
        // no instances
    }

    private static Set<String> containerTypes() {
        Set<String> types = new HashSet<>(ContainerCalls.MODELLED);
        types.addAll(ContainerCalls.SUPERCLASSES);
        types.addAll(ContainerCalls.INTERFACES);
        // What is handed over to be written to or walked later, not read now.
        types.removeAll(Set.of("java/lang/Appendable", "java/util/Iterator", "java/util/ListIterator",
                "java/util/Spliterator", "java/text/Format", "java/text/DateFormat", "java/text/NumberFormat"));
        return Set.copyOf(types);
    }

    private static Set<String> comparesContents() {
        Set<String> types = new HashSet<>(CONTAINER_TYPES);
        // A builder's equals is identity; a CharSequence or Iterable may be anything.
        types.removeAll(Set.of("java/lang/StringBuilder", "java/lang/CharSequence", "java/lang/Iterable",
                "java/util/Map$Entry"));
        return Set.copyOf(types);
    }

    /** What the call does to one of its arguments. */
    record Use(int arg, boolean write, boolean each) {
    }

    /**
     * The arguments of {@code call} that may be containers the JDK reads or writes; empty when none.
     *
     * @param appSubclassOfModelled whether the owner is an application subclass of a modelled class (its inherited
     *                              methods are the JDK's)
     */
    static List<Use> selected(MethodInsnNode call, boolean appSubclassOfModelled) {
        List<Use> uses = new ArrayList<>();
        String owner = call.owner;
        // Signature-polymorphic calls (MethodHandle.invoke, VarHandle.set) pass their arguments on as they are.
        if (owner.startsWith("[") || owner.startsWith("java/lang/invoke/") || !(isJdk(owner) || appSubclassOfModelled)) {
            return uses;
        }
        String method = owner + "." + call.name;
        if (KEEPS.contains(method) || owner.equals("java/util/Collections") && isWrapperFactory(call.name)) return uses;
        Type[] args = Type.getArgumentTypes(call.desc);
        Integer written = WRITES.get(method);
        boolean toText = TO_TEXT.contains(method);
        boolean formats = FORMATS.contains(method);
        boolean equals = call.name.equals("equals") && call.desc.equals("(Ljava/lang/Object;)Z")
                && call.getOpcode() != Opcodes.INVOKESTATIC && COMPARES_CONTENTS.contains(owner);
        for (int i = 0; i < args.length; i++) {
            Type t = args[i];
            boolean write = written != null && written == i;
            if (t.getSort() == Type.OBJECT && CONTAINER_TYPES.contains(t.getInternalName())) {
                uses.add(new Use(i, write, false));
            } else if (t.getSort() == Type.OBJECT && t.getInternalName().equals("java/lang/Object")
                    && (toText || equals || write)) {
                uses.add(new Use(i, write, false));
            } else if (formats && i == args.length - 1 && t.getDescriptor().equals("[Ljava/lang/Object;")) {
                uses.add(new Use(i, false, true));
            }
        }
        return uses;
    }

    private static boolean isWrapperFactory(String name) {
        for (String p : WRAPPER_FACTORIES) {
            if (name.startsWith(p)) return true;
        }
        return false;
    }

    /** The arguments of a string concatenation ({@code StringConcatFactory}) that may be containers. */
    static List<Use> selected(InvokeDynamicInsnNode indy) {
        List<Use> uses = new ArrayList<>();
        Handle bsm = indy.bsm;
        if (!bsm.getOwner().equals("java/lang/invoke/StringConcatFactory")) return uses;
        Type[] args = Type.getArgumentTypes(indy.desc);
        for (int i = 0; i < args.length; i++) {
            Type t = args[i];
            boolean reference = t.getSort() == Type.OBJECT && !IMMUTABLE.contains(t.getInternalName());
            if (reference) uses.add(new Use(i, false, false));
        }
        return uses;
    }

    /**
     * Adds the events before {@code call} (a {@link MethodInsnNode} or a string concatenation's
     * {@link InvokeDynamicInsnNode}).
     *
     * @param spill the first free local (past racecheck's)
     * @param site  a site of the call's line that names the JDK method (or {@code String.valueOf} for concatenation)
     * @return how many local slots from {@code spill} on it used
     */
    static int instrument(MethodNode method, AbstractInsnNode call, String desc, List<Use> uses, int spill, int tsLocal,
                          int baseLocal, int site) {
        if (uses.isEmpty()) return 0;
        Type[] args = Type.getArgumentTypes(desc);
        InsnList l = new InsnList();
        int last = args.length - 1;
        if (uses.size() == 1 && uses.get(0).arg() == last && args[last].getSize() == 1) {
            l.add(new InsnNode(Opcodes.DUP));                                           // [.. a a]
            hook(l, uses.get(0), site, tsLocal, baseLocal);                             // [.. a]
            method.instructions.insertBefore(call, l);
            return 0;
        }
        int[] slots = new int[args.length];
        int next = spill;
        for (int i = 0; i < args.length; i++) {
            slots[i] = next;
            next += args[i].getSize();
        }
        for (int i = args.length - 1; i >= 0; i--) {
            l.add(new VarInsnNode(args[i].getOpcode(Opcodes.ISTORE), slots[i]));
        }
        for (Use u : uses) {
            l.add(new VarInsnNode(Opcodes.ALOAD, slots[u.arg()]));
            hook(l, u, site, tsLocal, baseLocal);
        }
        for (int i = 0; i < args.length; i++) {
            l.add(new VarInsnNode(args[i].getOpcode(Opcodes.ILOAD), slots[i]));
        }
        method.instructions.insertBefore(call, l);
        return next - spill;
    }

    private static void hook(InsnList l, Use u, int site, int tsLocal, int baseLocal) {
        if (u.each()) {
            l.add(MethodInstrumenter.push(site));
            l.add(new VarInsnNode(Opcodes.ALOAD, tsLocal));
            l.add(new VarInsnNode(Opcodes.ILOAD, baseLocal));
            l.add(new MethodInsnNode(Opcodes.INVOKESTATIC, Hooks.OWNER, "containerArguments", EACH_DESC, false));
            return;
        }
        l.add(new InsnNode(u.write() ? Opcodes.ICONST_1 : Opcodes.ICONST_0));
        l.add(MethodInstrumenter.push(site));
        l.add(new VarInsnNode(Opcodes.ALOAD, tsLocal));
        l.add(new VarInsnNode(Opcodes.ILOAD, baseLocal));
        l.add(new MethodInsnNode(Opcodes.INVOKESTATIC, Hooks.OWNER, "containerArgument", DESC, false));
    }

    /** The JDK's public API: its methods are not instrumented, and what they read is unseen. */
    static boolean isJdk(String internalName) {
        return internalName.startsWith("java/");
    }
}
