package dev.racecheck.agent.instrument;

import java.util.HashSet;
import java.util.Set;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;

import dev.racecheck.agent.runtime.jdk.Containers;
import dev.racecheck.agent.runtime.report.ContainerClasses;
import dev.racecheck.agent.runtime.report.Sites;

/**
 * The call sites of one application method that may act on a JDK object that is not thread-safe (see
 * {@link Containers}): a virtual or interface call whose static receiver type a modelled object can have, or a
 * {@code super} call into a modelled class. Before such a call the receiver goes to
 * {@code RaceEvents.containerCall}, which looks at its class at run time:
 * <pre>
 *   no argument:           [r]      DUP                   [r r]      containerCall(r, op, site, ts, base)   [r]
 *   one int or reference:  [r a]    DUP2 POP              [r a r]    containerCall ...                      [r a]
 *   otherwise:             [r a..]  store a.. to spill locals, DUP, containerCall ..., load a..          [r a..]
 * </pre>
 * The spill locals come after racecheck's own ({@code ts}, {@code base}, {@code mon}); each is stored and loaded in
 * one straight run of code, so no stack map frame ever needs to mention them.
 */
final class ContainerCalls {
    /** Modelled classes, as call sites name them: a static receiver type, or the owner of a {@code super} call. */
    static final Set<String> MODELLED = internalNames(ContainerClasses.MODELLED_NAMES);
    /** Classes a modelled object can be an instance of, besides the modelled ones and {@code java/lang/Object}. */
    static final Set<String> SUPERCLASSES = Set.of("java/util/AbstractMap", "java/util/AbstractCollection",
            "java/util/AbstractList", "java/util/AbstractSequentialList", "java/util/AbstractSet",
            "java/util/AbstractQueue", "java/util/EnumSet", "java/text/Format", "java/text/DateFormat",
            "java/text/NumberFormat");
    /** Interfaces a modelled class implements (those of JDK 21+ are named too: the class files may use them). */
    static final Set<String> INTERFACES = Set.of("java/util/Map", "java/util/SortedMap", "java/util/NavigableMap",
            "java/util/SequencedMap", "java/util/Collection", "java/util/List", "java/util/Set", "java/util/SortedSet",
            "java/util/NavigableSet", "java/util/SequencedSet", "java/util/SequencedCollection", "java/util/Queue",
            "java/util/Deque", "java/lang/Iterable", "java/lang/CharSequence", "java/lang/Appendable",
            // What a container hands out that acts on it: iterators, spliterators and map entries.
            "java/util/Iterator", "java/util/ListIterator", "java/util/Spliterator", "java/util/Map$Entry");
    /** The methods of {@code java/lang/Object} that look at a container's state. */
    private static final Set<String> OBJECT_METHODS = Set.of("toString()Ljava/lang/String;", "hashCode()I",
            "equals(Ljava/lang/Object;)Z");

    private final MethodNode method;
    private final String className;
    private final String source;
    private final ClassLoader loader;
    private final ClassHierarchy hierarchy;
    private final int tsLocal;
    private final int baseLocal;
    private final int spillBase;
    /** Calls on objects the method made and keeps to itself: they need no event. */
    private final Set<MethodInsnNode> unshared;
    private int maxLocals;

    /**
     * Made before the method is rewritten: it is analysed as it is.
     *
     * @param className binary name (dots) of the class whose method this is
     * @param spillBase the first local free for spilling arguments
     */
    ContainerCalls(MethodNode method, String className, String source, ClassLoader loader, ClassHierarchy hierarchy,
                   int tsLocal, int baseLocal, int spillBase) {
        this.method = method;
        this.className = className;
        this.source = source;
        this.loader = loader;
        this.hierarchy = hierarchy;
        this.tsLocal = tsLocal;
        this.baseLocal = baseLocal;
        this.spillBase = spillBase;
        this.maxLocals = spillBase;
        this.unshared = UnsharedContainers.calls(className.replace('.', '/'), method);
    }

    /** The locals the method needs with its spill locals: at least {@code spillBase}. */
    int maxLocals() {
        return maxLocals;
    }

    /**
     * Inserts the event before {@code call} if it may act on a container; {@code line} is its source line or -1. An
     * iterator's {@code next()} gets {@code containerNext} instead, and after it {@code entryReturned(result, ts)}:
     * an entry set's iterator hands out entries that act on their map.
     */
    void instrument(MethodInsnNode call, int line) {
        if (unshared.contains(call)) return;
        int op = operation(call);
        if (op == Containers.NONE) return;
        int site = Sites.register(className, method.name, source, line, call.owner.replace('/', '.'), call.name);
        boolean next = isIteratorNext(call);
        if (isIndexed(call)) {
            method.instructions.insertBefore(call, indexedEvent(call.desc, op, site));
            return;
        }
        method.instructions.insertBefore(call, event(call.desc, op, site, next ? "containerNext" : "containerCall"));
        if (next) {
            InsnList after = new InsnList();
            after.add(new InsnNode(Opcodes.DUP));                                       // [e e]
            after.add(new VarInsnNode(Opcodes.ALOAD, tsLocal));
            after.add(new MethodInsnNode(Opcodes.INVOKESTATIC, Hooks.OWNER, "entryReturned",
                    "(Ljava/lang/Object;" + Hooks.TS + ")V", false));                  // [e]
            method.instructions.insert(call, after);
        }
    }

    /** {@code get(int)} or {@code set(int, e)}: on an {@code Arrays.asList} list, an access of one array element. */
    static boolean isIndexed(MethodInsnNode call) {
        return call.getOpcode() != Opcodes.INVOKESPECIAL
                && (call.name.equals("get") && call.desc.equals("(I)Ljava/lang/Object;")
                        || call.name.equals("set") && call.desc.equals("(ILjava/lang/Object;)Ljava/lang/Object;"));
    }

    /**
     * The event of {@link #isIndexed} calls, with the index:
     * <pre>
     *   get(i):     [r i]    DUP2                          [r i r i]  containerIndexed(r, i, op, site, ts, base)  [r i]
     *   set(i, e):  [r i e]  store e, DUP2, containerIndexed ..., load e                                       [r i e]
     * </pre>
     */
    private InsnList indexedEvent(String descriptor, int op, int site) {
        InsnList l = new InsnList();
        boolean set = Type.getArgumentTypes(descriptor).length == 2;
        if (set) {
            l.add(new VarInsnNode(Opcodes.ASTORE, spillBase));
            maxLocals = Math.max(maxLocals, spillBase + 1);
        }
        l.add(new InsnNode(Opcodes.DUP2));
        l.add(MethodInstrumenter.push(op));
        l.add(MethodInstrumenter.push(site));
        l.add(new VarInsnNode(Opcodes.ALOAD, tsLocal));
        l.add(new VarInsnNode(Opcodes.ILOAD, baseLocal));
        l.add(new MethodInsnNode(Opcodes.INVOKESTATIC, Hooks.OWNER, "containerIndexed",
                "(Ljava/lang/Object;III" + Hooks.TS + "I)V", false));
        if (set) l.add(new VarInsnNode(Opcodes.ALOAD, spillBase));
        return l;
    }

    /** {@code Iterator.next()} or {@code ListIterator.next()}, through the interface. */
    static boolean isIteratorNext(MethodInsnNode call) {
        return call.getOpcode() == Opcodes.INVOKEINTERFACE && call.name.equals("next")
                && call.desc.equals("()Ljava/lang/Object;")
                && (call.owner.equals("java/util/Iterator") || call.owner.equals("java/util/ListIterator"));
    }

    /** The operation code of the call, or {@link Containers#NONE} when it cannot act on a container. */
    int operation(MethodInsnNode call) {
        String owner = call.owner;
        String name = call.name;
        if (owner.startsWith("[") || name.startsWith("<")) return Containers.NONE;
        switch (call.getOpcode()) {
            case Opcodes.INVOKESPECIAL:
                if (!MODELLED.contains(owner)) return Containers.NONE;
                int op = Containers.operation(name, call.desc);
                return op == Containers.NONE ? op : op | Containers.SUPER;
            case Opcodes.INVOKEVIRTUAL:
                if (owner.equals("java/lang/Object")) {
                    return OBJECT_METHODS.contains(name + call.desc) ? Containers.operation(name, call.desc)
                            : Containers.NONE;
                }
                if (!(MODELLED.contains(owner) || SUPERCLASSES.contains(owner)
                        || !isJdk(owner) && hierarchy.isSubclassOfAny(owner, MODELLED, loader))) {
                    return Containers.NONE;
                }
                return Containers.operation(name, call.desc);
            case Opcodes.INVOKEINTERFACE:
                if (!(INTERFACES.contains(owner) || !isJdk(owner) && hierarchy.isSubtypeOfAny(owner, INTERFACES, loader))) {
                    return Containers.NONE;
                }
                return Containers.operation(name, call.desc);
            default:
                return Containers.NONE;
        }
    }

    private InsnList event(String descriptor, int op, int site, String hook) {
        InsnList l = new InsnList();
        Type[] args = Type.getArgumentTypes(descriptor);
        if (args.length == 0) {
            l.add(new InsnNode(Opcodes.DUP));                                           // [r r]
            hook(l, op, site, hook);                                                          // [r]
            return l;
        }
        if (args.length == 1 && args[0].getSize() == 1) {
            l.add(new InsnNode(Opcodes.DUP2));                                          // [r a r a]
            l.add(new InsnNode(Opcodes.POP));                                           // [r a r]
            hook(l, op, site, hook);                                                          // [r a]
            return l;
        }
        int[] slots = new int[args.length];
        int next = spillBase;
        for (int i = 0; i < args.length; i++) {
            slots[i] = next;
            next += args[i].getSize();
        }
        maxLocals = Math.max(maxLocals, next);
        for (int i = args.length - 1; i >= 0; i--) {
            l.add(new VarInsnNode(args[i].getOpcode(Opcodes.ISTORE), slots[i]));        // [r a..]  -> [r]
        }
        l.add(new InsnNode(Opcodes.DUP));                                               // [r r]
        hook(l, op, site, hook);                                                        // [r]
        for (int i = 0; i < args.length; i++) {
            l.add(new VarInsnNode(args[i].getOpcode(Opcodes.ILOAD), slots[i]));         // [r a..]
        }
        return l;
    }

    private void hook(InsnList l, int op, int site, String hook) {
        l.add(MethodInstrumenter.push(op));
        l.add(MethodInstrumenter.push(site));
        l.add(new VarInsnNode(Opcodes.ALOAD, tsLocal));
        l.add(new VarInsnNode(Opcodes.ILOAD, baseLocal));
        l.add(new MethodInsnNode(Opcodes.INVOKESTATIC, Hooks.OWNER, hook, Hooks.CONTAINER_DESC, false));
    }

    /** Class files of the JDK's packages: their supertypes are known here, and none is an application subclass. */
    private static boolean isJdk(String internalName) {
        return internalName.startsWith("java/") || internalName.startsWith("javax/") || internalName.startsWith("jdk/")
                || internalName.startsWith("sun/") || internalName.startsWith("com/sun/");
    }

    private static Set<String> internalNames(Set<String> binaryNames) {
        Set<String> out = new HashSet<>();
        for (String n : binaryNames) out.add(n.replace('.', '/'));
        return Set.copyOf(out);
    }
}
