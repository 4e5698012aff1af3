package dev.racecheck.agent.instrument;

import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.Interpreter;
import org.objectweb.asm.tree.analysis.Value;

/**
 * The container calls of a method whose receiver the method itself made and never lets go of: a
 * {@code new StringBuilder()} appended to and turned into a string (javac's string concatenation before Java 9), a
 * {@code new HashMap<>()} used as a local table. Only the thread running the method can reach such an object, so its
 * calls cannot race and need no event; an event would give every such object a shadow, which made string
 * concatenation in Java 8 class files about thirty times slower.
 *
 * <p>A data-flow analysis over the original method: each value is either made by some {@code new} instructions of
 * modelled classes, or anything else. A made object escapes when it is passed as an argument (to any method, a
 * constructor, a lambda), stored in a field, a static or an array, returned or thrown; calls on it as the receiver
 * do not let it go, and the StringBuilder methods that return {@code this} return the same object, as do the methods
 * that return a view or iterator of their receiver ({@link #VIEWS}): a view escapes with its container. A call whose
 * receiver can only be objects that never escape is unshared.
 */
final class UnsharedContainers {
    private UnsharedContainers() {
        // no instances
    }

    /** The calls of {@code method} (original, not yet rewritten) on receivers that never leave it; often empty. */
    static Set<MethodInsnNode> calls(String owner, MethodNode method) {
        if (!makesContainers(method)) return Set.of();
        Escapes escapes = new Escapes();
        Frame<Made>[] frames;
        try {
            frames = new Analyzer<>(escapes).analyze(owner, method);
        } catch (AnalyzerException | RuntimeException e) {
            return Set.of(); // when in doubt, every call gets its event
        }
        Set<MethodInsnNode> unshared = Collections.newSetFromMap(new IdentityHashMap<>());
        AbstractInsnNode[] insns = method.instructions.toArray();
        for (int i = 0; i < insns.length; i++) {
            if (!(insns[i] instanceof MethodInsnNode call) || call.getOpcode() == Opcodes.INVOKESTATIC
                    || frames[i] == null) {
                continue;
            }
            Frame<Made> f = frames[i];
            Made receiver = f.getStack(f.getStackSize() - 1 - Type.getArgumentTypes(call.desc).length);
            if (receiver.sites != null && !receiver.maybeOther && Collections.disjoint(receiver.sites, escapes.escaped)) {
                unshared.add(call);
            }
        }
        return unshared;
    }

    private static boolean makesContainers(MethodNode method) {
        for (AbstractInsnNode n : method.instructions) {
            if (n.getOpcode() == Opcodes.NEW && ContainerCalls.MODELLED.contains(((TypeInsnNode) n).desc)) return true;
        }
        return false;
    }

    /**
     * A value: objects made by {@code sites} (NEW instructions of modelled classes), or anything else (null sites); or,
     * {@code maybeOther}, what an iterator of such an object handed out, or a value that is such an object on one path
     * and something else on another. That may be any object (a key, a shared list), so calls on it get their events;
     * but it may also be the object, or a map's entry, which acts on its map: when it escapes, the objects escape.
     */
    static final class Made implements Value {
        static final Made OTHER = new Made(1, null, false);
        static final Made OTHER_WIDE = new Made(2, null, false);

        final int size;
        final Set<AbstractInsnNode> sites;
        final boolean maybeOther;

        Made(int size, Set<AbstractInsnNode> sites, boolean maybeOther) {
            this.size = size;
            this.sites = sites;
            this.maybeOther = maybeOther;
        }

        static Made other(int size) {
            return size == 2 ? OTHER_WIDE : OTHER;
        }

        @Override
        public int getSize() {
            return size;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Made m && m.size == size && m.maybeOther == maybeOther
                    && java.util.Objects.equals(m.sites, sites);
        }

        @Override
        public int hashCode() {
            return (size * 31 + (sites == null ? 0 : sites.hashCode())) * 2 + (maybeOther ? 1 : 0);
        }
    }

    /**
     * Methods that return a view or an iterator of their receiver: calls on it act on the receiver, and it escapes
     * with it. An element an iterator returns is not the container (a key may be any object).
     */
    static final Set<String> VIEWS = Set.of("keySet", "values", "entrySet", "iterator", "listIterator",
            "descendingIterator", "spliterator", "subList", "headMap", "tailMap", "subMap", "headSet", "tailSet",
            "subSet", "descendingMap", "descendingSet", "descendingKeySet", "navigableKeySet", "reversed",
            "sequencedKeySet", "sequencedValues", "sequencedEntrySet");

    /** Tracks made objects and collects the NEW instructions whose objects escape. */
    private static final class Escapes extends Interpreter<Made> {
        final Set<AbstractInsnNode> escaped = new HashSet<>();

        Escapes() {
            super(Opcodes.ASM9);
        }

        private void escape(Made v) {
            if (v.sites != null) escaped.addAll(v.sites);
        }

        @Override
        public Made newValue(Type type) {
            if (type == Type.VOID_TYPE) return null;
            return Made.other(type == null ? 1 : type.getSize());
        }

        @Override
        public Made newOperation(AbstractInsnNode insn) {
            switch (insn.getOpcode()) {
                case Opcodes.LCONST_0: case Opcodes.LCONST_1: case Opcodes.DCONST_0: case Opcodes.DCONST_1:
                    return Made.OTHER_WIDE;
                case Opcodes.LDC: {
                    Object c = ((org.objectweb.asm.tree.LdcInsnNode) insn).cst;
                    boolean wide = c instanceof Long || c instanceof Double
                            || c instanceof org.objectweb.asm.ConstantDynamic cd && cd.getSize() == 2;
                    return Made.other(wide ? 2 : 1);
                }
                case Opcodes.GETSTATIC:
                    return Made.other(Type.getType(((org.objectweb.asm.tree.FieldInsnNode) insn).desc).getSize());
                case Opcodes.NEW:
                    return ContainerCalls.MODELLED.contains(((TypeInsnNode) insn).desc)
                            ? new Made(1, Set.of(insn), false) : Made.OTHER;
                default:
                    return Made.OTHER;
            }
        }

        @Override
        public Made copyOperation(AbstractInsnNode insn, Made value) {
            return value;
        }

        @Override
        public Made unaryOperation(AbstractInsnNode insn, Made value) {
            switch (insn.getOpcode()) {
                case Opcodes.CHECKCAST:
                    return value;
                case Opcodes.PUTSTATIC: case Opcodes.ATHROW:
                    escape(value);
                    return null;
                case Opcodes.I2L: case Opcodes.I2D: case Opcodes.L2D: case Opcodes.F2L: case Opcodes.F2D:
                case Opcodes.D2L: case Opcodes.LNEG: case Opcodes.DNEG:
                    return Made.OTHER_WIDE;
                case Opcodes.GETFIELD:
                    return Made.other(Type.getType(((org.objectweb.asm.tree.FieldInsnNode) insn).desc).getSize());
                case Opcodes.IFEQ: case Opcodes.IFNE: case Opcodes.IFLT: case Opcodes.IFGE: case Opcodes.IFGT:
                case Opcodes.IFLE: case Opcodes.TABLESWITCH: case Opcodes.LOOKUPSWITCH: case Opcodes.IRETURN:
                case Opcodes.LRETURN: case Opcodes.FRETURN: case Opcodes.DRETURN: case Opcodes.ARETURN:
                case Opcodes.MONITORENTER: case Opcodes.MONITOREXIT: case Opcodes.IFNULL: case Opcodes.IFNONNULL:
                    if (insn.getOpcode() == Opcodes.ARETURN) escape(value);
                    return null;
                default:
                    return Made.OTHER;
            }
        }

        @Override
        public Made binaryOperation(AbstractInsnNode insn, Made value1, Made value2) {
            switch (insn.getOpcode()) {
                case Opcodes.PUTFIELD:
                    escape(value2);
                    return null;
                case Opcodes.LALOAD: case Opcodes.DALOAD: case Opcodes.LADD: case Opcodes.DADD: case Opcodes.LSUB:
                case Opcodes.DSUB: case Opcodes.LMUL: case Opcodes.DMUL: case Opcodes.LDIV: case Opcodes.DDIV:
                case Opcodes.LREM: case Opcodes.DREM: case Opcodes.LSHL: case Opcodes.LSHR: case Opcodes.LUSHR:
                case Opcodes.LAND: case Opcodes.LOR: case Opcodes.LXOR:
                    return Made.OTHER_WIDE;
                case Opcodes.IF_ICMPEQ: case Opcodes.IF_ICMPNE: case Opcodes.IF_ICMPLT: case Opcodes.IF_ICMPGE:
                case Opcodes.IF_ICMPGT: case Opcodes.IF_ICMPLE: case Opcodes.IF_ACMPEQ: case Opcodes.IF_ACMPNE:
                    return null;
                default:
                    return Made.OTHER;
            }
        }

        @Override
        public Made ternaryOperation(AbstractInsnNode insn, Made value1, Made value2, Made value3) {
            escape(value3); // the value an array store puts in the array
            return null;
        }

        @Override
        public Made naryOperation(AbstractInsnNode insn, List<? extends Made> values) {
            int op = insn.getOpcode();
            if (op == Opcodes.MULTIANEWARRAY) return Made.OTHER;
            boolean hasReceiver = op == Opcodes.INVOKEVIRTUAL || op == Opcodes.INVOKEINTERFACE
                    || op == Opcodes.INVOKESPECIAL;
            for (int i = hasReceiver ? 1 : 0; i < values.size(); i++) escape(values.get(i));
            String desc = insn instanceof MethodInsnNode mi ? mi.desc
                    : ((org.objectweb.asm.tree.InvokeDynamicInsnNode) insn).desc;
            Type ret = Type.getReturnType(desc);
            if (ret == Type.VOID_TYPE) return null;
            // StringBuilder's append, insert, reverse... return the builder itself.
            if (op == Opcodes.INVOKEVIRTUAL && ((MethodInsnNode) insn).owner.equals("java/lang/StringBuilder")
                    && ret.getDescriptor().equals("Ljava/lang/StringBuilder;")) {
                return values.get(0);
            }
            // A view or iterator of a made container acts on it: the same object, as far as escaping goes.
            Made receiver = hasReceiver ? values.get(0) : null;
            if (receiver != null && receiver.sites != null && ret.getSort() == Type.OBJECT) {
                String name = ((MethodInsnNode) insn).name;
                if (VIEWS.contains(name)) return receiver;
                if (name.equals("next") || name.equals("previous")) return new Made(1, receiver.sites, true); // an element
            }
            return Made.other(ret.getSize());
        }

        @Override
        public void returnOperation(AbstractInsnNode insn, Made value, Made expected) {
            escape(value);
        }

        @Override
        public Made merge(Made a, Made b) {
            if (a.equals(b)) return a;
            if (a.size != b.size || a.sites == null && b.sites == null) return Made.other(Math.min(a.size, b.size));
            Set<AbstractInsnNode> union = new HashSet<>();
            if (a.sites != null) union.addAll(a.sites);
            if (b.sites != null) union.addAll(b.sites);
            // A made object on one path only (or an element of one): calls on it keep their events, and it escapes.
            boolean maybeOther = a.maybeOther || b.maybeOther || a.sites == null || b.sites == null;
            return new Made(a.size, union, maybeOther);
        }
    }
}
