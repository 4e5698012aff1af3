package dev.racecheck.agent.instrument;

import java.util.ArrayList;
import java.util.List;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * The freeze of final fields (JLS 17.5) at each normal return of a constructor: for every final field of reference
 * type that the constructor sets, {@code Freeze.frozen(this.f, ts)}. A thread that sees the object sees what such a
 * field refers to, and what that reaches, at least as up to date as at the freeze, even through a data race; so the
 * writes to those objects and arrays that happen-before the freeze are no longer raced on ({@code Freeze}).
 *
 * <p>Fields declared with a JDK type are skipped (String, boxes: racecheck does not track their insides), so the
 * hook costs nothing for them; except the types a modelled container can have ({@code List}, {@code Map},
 * {@code HashMap}, {@code StringBuilder}...): a container filled in the constructor is seen as the constructor left it.
 */
final class FinalFields {
    private static final String OWNER = "dev/racecheck/agent/runtime/jdk/Freeze";

    private final String owner;
    private final List<FieldInsnNode> fields;

    private FinalFields(String owner, List<FieldInsnNode> fields) {
        this.owner = owner;
        this.fields = fields;
    }

    /** The final reference fields of {@code owner} that the constructor sets. */
    static FinalFields of(String owner, MethodNode constructor, ClassHierarchy hierarchy, ClassLoader loader) {
        List<FieldInsnNode> fields = new ArrayList<>();
        for (AbstractInsnNode n : constructor.instructions) {
            if (n.getOpcode() != Opcodes.PUTFIELD) continue;
            FieldInsnNode fi = (FieldInsnNode) n;
            if (!fi.owner.equals(owner) || !reachesTrackedState(fi.desc)) continue;
            ClassHierarchy.FieldInfo info = hierarchy.field(owner, fi.name, fi.desc, loader);
            if (info == null || !info.isFinal() || !info.declaringClass().equals(owner)) continue;
            boolean seen = false;
            for (FieldInsnNode f : fields) seen |= f.name.equals(fi.name) && f.desc.equals(fi.desc);
            if (!seen) fields.add(fi);
        }
        return new FinalFields(owner, fields);
    }

    /** Arrays, objects of classes outside the JDK, and the JDK types a modelled container can have (List, Map...). */
    private static boolean reachesTrackedState(String desc) {
        Type t = Type.getType(desc);
        if (t.getSort() == Type.ARRAY) return true;
        if (t.getSort() != Type.OBJECT) return false;
        String name = t.getInternalName();
        if (ContainerCalls.MODELLED.contains(name) || ContainerCalls.SUPERCLASSES.contains(name)
                || ContainerCalls.INTERFACES.contains(name)) {
            return true;
        }
        return !(name.startsWith("java/") || name.startsWith("javax/") || name.startsWith("jdk/")
                || name.startsWith("sun/"));
    }

    /** The freeze, to insert before one return; empty when the constructor sets no such field. */
    InsnList freeze(int tsLocal) {
        InsnList l = new InsnList();
        for (FieldInsnNode f : fields) {
            l.add(new VarInsnNode(Opcodes.ALOAD, 0));
            l.add(new FieldInsnNode(Opcodes.GETFIELD, owner, f.name, f.desc));
            l.add(new VarInsnNode(Opcodes.ALOAD, tsLocal));
            l.add(new MethodInsnNode(Opcodes.INVOKESTATIC, OWNER, "frozen", "(Ljava/lang/Object;" + Hooks.TS + ")V",
                    false));
        }
        return l;
    }
}
