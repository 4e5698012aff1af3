package dev.racecheck.agent.instrument;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;

/**
 * The calls that cannot start a new epoch of the calling thread: racecheck's epoch moves on only at a release (an
 * unlock, a volatile write, a thread start, the end of a static initializer, a modelled JDK synchronizer...), so a
 * call whose whole execution makes none leaves the caller's checks standing (see {@link CheckPlacement}).
 *
 * <p>Two kinds: a short list of JDK methods that neither synchronize nor call back into the program (the
 * arithmetic of {@code Math} and {@code StrictMath} but {@code random()}, which draws from a shared generator; the
 * primitive helpers of the box classes; a few {@code String} queries, whose argument, if any, is a String or an
 * int; {@code Object.getClass}, {@code System.arraycopy}...); and methods of the class being instrumented whose
 * target is certain (static, private, constructors, final) and whose own code contains no synchronization, no call
 * but to such methods, and nothing that could run another class's static initializer.
 */
final class SyncFreeCalls {
    /** For classes read by tests or tools: no method of the class itself counts, only the JDK list. */
    static final SyncFreeCalls JDK_ONLY = new SyncFreeCalls(null, false, Map.of(), Set.of());

    private final String owner;
    private final boolean ownerFinal;
    /** Methods of the class by name + descriptor. */
    private final Map<String, MethodNode> methods;
    /** name + descriptor of the class's own methods that cannot synchronize. */
    private final Set<String> syncFree;

    private SyncFreeCalls(String owner, boolean ownerFinal, Map<String, MethodNode> methods, Set<String> syncFree) {
        this.owner = owner;
        this.ownerFinal = ownerFinal;
        this.methods = methods;
        this.syncFree = syncFree;
    }

    /**
     * The summary of one class, before it is instrumented: its methods are taken as synchronization-free, then every
     * one that contains a synchronization event or a call to anything else is struck out, until none changes.
     */
    static SyncFreeCalls of(ClassNode cn, ClassHierarchy hierarchy, ClassLoader loader) {
        Map<String, MethodNode> methods = new HashMap<>();
        for (MethodNode m : cn.methods) methods.put(m.name + m.desc, m);
        Set<String> initialized = new HashSet<>(hierarchy.superclasses(cn.name, loader));
        initialized.add(cn.name);
        Set<String> free = new HashSet<>();
        for (MethodNode m : cn.methods) {
            boolean candidate = (m.access & (Opcodes.ACC_SYNCHRONIZED | Opcodes.ACC_NATIVE | Opcodes.ACC_ABSTRACT)) == 0
                    && m.instructions.size() > 0 && !m.name.equals("<clinit>");
            if (candidate) free.add(m.name + m.desc);
        }
        SyncFreeCalls calls = new SyncFreeCalls(cn.name, (cn.access & Opcodes.ACC_FINAL) != 0, methods, free);
        boolean changed = true;
        while (changed) {
            changed = false;
            for (MethodNode m : cn.methods) {
                String id = m.name + m.desc;
                if (free.contains(id) && !calls.bodyIsSyncFree(m, hierarchy, loader, initialized)) {
                    free.remove(id);
                    changed = true;
                }
            }
        }
        return calls;
    }

    private boolean bodyIsSyncFree(MethodNode m, ClassHierarchy hierarchy, ClassLoader loader, Set<String> initialized) {
        for (AbstractInsnNode n : m.instructions) {
            switch (n.getOpcode()) {
                case Opcodes.MONITORENTER: case Opcodes.MONITOREXIT: case Opcodes.INVOKEDYNAMIC:
                case Opcodes.JSR: case Opcodes.RET:
                    return false;
                case Opcodes.GETFIELD: case Opcodes.PUTFIELD: case Opcodes.GETSTATIC: case Opcodes.PUTSTATIC: {
                    FieldInsnNode fi = (FieldInsnNode) n;
                    ClassHierarchy.FieldInfo info = hierarchy.field(fi.owner, fi.name, fi.desc, loader);
                    if (info == null || info.isVolatile()) return false;
                    boolean isStatic = n.getOpcode() == Opcodes.GETSTATIC || n.getOpcode() == Opcodes.PUTSTATIC;
                    if (isStatic && !initialized.contains(info.declaringClass())) return false;
                    break;
                }
                case Opcodes.NEW:
                    if (!initialized.contains(((TypeInsnNode) n).desc)) return false;
                    break;
                case Opcodes.LDC:
                    if (!isPlainConstant(((LdcInsnNode) n).cst)) return false;
                    break;
                case Opcodes.INVOKEVIRTUAL: case Opcodes.INVOKESPECIAL: case Opcodes.INVOKESTATIC:
                case Opcodes.INVOKEINTERFACE:
                    if (!isSyncFree((MethodInsnNode) n)) return false;
                    break;
                default:
                    break;
            }
        }
        return true;
    }

    /** A constant whose loading runs no code: not a dynamic constant, method handle or method type. */
    static boolean isPlainConstant(Object cst) {
        if (cst instanceof ConstantDynamic || cst instanceof Handle) return false;
        return !(cst instanceof Type t) || t.getSort() != Type.METHOD;
    }

    /** The call cannot make a release on the calling thread, nor run code that could. */
    boolean isSyncFree(MethodInsnNode mi) {
        return isPureJdk(mi) || syncFree.contains(exactTarget(mi));
    }

    /** name + descriptor of the method of this class the call certainly runs, or null. */
    private String exactTarget(MethodInsnNode mi) {
        if (owner == null || !mi.owner.equals(owner)) return null;
        String id = mi.name + mi.desc;
        MethodNode m = methods.get(id);
        if (m == null) return null; // inherited: not this class's code
        boolean exact;
        switch (mi.getOpcode()) {
            case Opcodes.INVOKESTATIC:
                exact = (m.access & Opcodes.ACC_STATIC) != 0;
                break;
            case Opcodes.INVOKESPECIAL:
                exact = (m.access & Opcodes.ACC_STATIC) == 0;
                break;
            default: // invokevirtual, invokeinterface: only if nothing can override it
                exact = (m.access & Opcodes.ACC_STATIC) == 0
                        && ((m.access & (Opcodes.ACC_PRIVATE | Opcodes.ACC_FINAL)) != 0 || ownerFinal);
                break;
        }
        return exact ? id : null;
    }

    private static final Set<String> BOXES = Set.of("java/lang/Integer", "java/lang/Long", "java/lang/Short",
            "java/lang/Byte", "java/lang/Character", "java/lang/Boolean", "java/lang/Float", "java/lang/Double");

    private static final Set<String> PURE_METHODS = Set.of(
            "java/lang/Object.getClass()Ljava/lang/Class;",
            "java/lang/Object.<init>()V",
            "java/util/Objects.requireNonNull(Ljava/lang/Object;)Ljava/lang/Object;",
            "java/util/Objects.requireNonNull(Ljava/lang/Object;Ljava/lang/String;)Ljava/lang/Object;",
            "java/lang/String.length()I",
            "java/lang/String.isEmpty()Z",
            "java/lang/String.charAt(I)C",
            "java/lang/String.codePointAt(I)I",
            "java/lang/String.hashCode()I",
            "java/lang/String.equals(Ljava/lang/Object;)Z",
            "java/lang/System.nanoTime()J",
            "java/lang/System.currentTimeMillis()J",
            "java/lang/System.identityHashCode(Ljava/lang/Object;)I",
            "java/lang/System.arraycopy(Ljava/lang/Object;ILjava/lang/Object;II)V");

    /**
     * A JDK method that neither synchronizes nor calls back: see the class comment. For the box classes: static
     * methods from primitives to a primitive, a String or the box (no parsing, no system properties, no callbacks).
     */
    static boolean isPureJdk(MethodInsnNode mi) {
        if (PURE_METHODS.contains(mi.owner + "." + mi.name + mi.desc)) return true;
        if (mi.getOpcode() != Opcodes.INVOKESTATIC) return false;
        if (mi.owner.equals("java/lang/Math") || mi.owner.equals("java/lang/StrictMath")) {
            return !mi.name.equals("random");
        }
        if (!BOXES.contains(mi.owner)) return false;
        for (Type t : Type.getArgumentTypes(mi.desc)) {
            if (t.getSort() == Type.OBJECT || t.getSort() == Type.ARRAY) return false;
        }
        Type r = Type.getReturnType(mi.desc);
        return r.getSort() != Type.OBJECT || r.getInternalName().equals("java/lang/String")
                || r.getInternalName().equals(mi.owner);
    }

    private static final List<String> MATH_THROWING = List.of("Exact", "floorDiv", "floorMod", "ceilDiv", "ceilMod",
            "clamp", "random");

    /**
     * A pure JDK call that cannot throw either (but for the VM's own errors): allowed in the loops whose array checks
     * are made once before the loop ({@link CheckPlacement}). Math's arithmetic but the exact, dividing and clamping
     * methods; the box classes' primitive-to-primitive helpers but unsigned division.
     */
    static boolean cannotThrow(MethodInsnNode mi) {
        if (mi.getOpcode() != Opcodes.INVOKESTATIC || !isPureJdk(mi)) return false;
        if (mi.owner.equals("java/lang/Math") || mi.owner.equals("java/lang/StrictMath")) {
            for (String s : MATH_THROWING) {
                if (mi.name.contains(s)) return false;
            }
            return true;
        }
        if (!BOXES.contains(mi.owner) || mi.name.contains("divide") || mi.name.contains("remainder")) return false;
        return Type.getReturnType(mi.desc).getSort() <= Type.DOUBLE; // a primitive: nothing allocated
    }
}
