package dev.racecheck.agent.instrument;

import java.util.ArrayList;
import java.util.List;

import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.ClassNode;

/**
 * Method references to a container's methods ({@code list::add}, {@code sb::append}, {@code Map::get}): the JDK
 * makes their lambda class at run time and it calls the container directly, where racecheck never sees the call.
 * Such a reference is pointed at a bridge added to the class instead, {@code lambda$racecheck$N}, a private static
 * synthetic method that makes the same call, as javac does for a lambda; the bridge is then instrumented like any
 * method, so the call is a container call at the reference's line. Serializable lambdas are left alone (their
 * deserialization looks for the original method).
 */
final class ContainerMethodRefs {
    static final String BRIDGE_PREFIX = "lambda$racecheck$";
    private static final String LMF = "java/lang/invoke/LambdaMetafactory";
    private static final int FLAG_SERIALIZABLE = 1;

    private ContainerMethodRefs() {
        // no instances
    }

    /** Adds the bridges and points the references at them; true if the class changed. */
    static boolean addBridges(ClassNode cn) {
        List<MethodNode> bridges = new ArrayList<>();
        boolean isInterface = (cn.access & Opcodes.ACC_INTERFACE) != 0;
        for (MethodNode m : cn.methods) {
            int line = -1;
            for (AbstractInsnNode n = m.instructions.getFirst(); n != null; n = n.getNext()) {
                if (n instanceof LineNumberNode ln) line = ln.line;
                if (!(n instanceof InvokeDynamicInsnNode indy) || !isContainerReference(indy)) continue;
                Handle impl = (Handle) indy.bsmArgs[1];
                // A bound reference (list::add) captures its receiver, and the metafactory wants a captured
                // parameter of exactly the captured type (a ConcurrentMap for Map.get, say); an unbound one
                // (ArrayList::size) gets it as a function argument, which it adapts to the owner type.
                Type[] captured = Type.getArgumentTypes(indy.desc);
                if (captured.length > 1) continue;
                Type receiver = captured.length == 1 ? captured[0] : Type.getObjectType(impl.getOwner());
                MethodNode bridge = bridge(BRIDGE_PREFIX + bridges.size(), impl, receiver, line);
                bridges.add(bridge);
                indy.bsmArgs[1] = new Handle(Opcodes.H_INVOKESTATIC, cn.name, bridge.name, bridge.desc, isInterface);
            }
        }
        cn.methods.addAll(bridges);
        return !bridges.isEmpty();
    }

    private static boolean isContainerReference(InvokeDynamicInsnNode indy) {
        Handle bsm = indy.bsm;
        if (!bsm.getOwner().equals(LMF) || indy.bsmArgs.length < 3 || !(indy.bsmArgs[1] instanceof Handle impl)) {
            return false;
        }
        if (bsm.getName().equals("altMetafactory")) {
            if (!(indy.bsmArgs[3] instanceof Integer flags) || (flags & FLAG_SERIALIZABLE) != 0) return false;
        } else if (!bsm.getName().equals("metafactory")) {
            return false;
        }
        int tag = impl.getTag();
        if (tag != Opcodes.H_INVOKEVIRTUAL && tag != Opcodes.H_INVOKEINTERFACE) return false;
        String owner = impl.getOwner();
        return ContainerCalls.MODELLED.contains(owner) || ContainerCalls.SUPERCLASSES.contains(owner)
                || ContainerCalls.INTERFACES.contains(owner);
    }

    /** {@code static R name(Receiver receiver, A... args) { return receiver.m(args); }}, at {@code line}. */
    private static MethodNode bridge(String name, Handle impl, Type receiver, int line) {
        Type[] params = Type.getArgumentTypes(impl.getDesc());
        Type result = Type.getReturnType(impl.getDesc());
        Type[] all = new Type[params.length + 1];
        all[0] = receiver;
        System.arraycopy(params, 0, all, 1, params.length);
        String desc = Type.getMethodDescriptor(result, all);
        MethodNode m = new MethodNode(Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC, name, desc,
                null, null);
        LabelNode start = new LabelNode(new Label());
        m.instructions.add(start);
        if (line > 0) m.instructions.add(new LineNumberNode(line, start));
        int slot = 0;
        for (Type t : all) {
            m.instructions.add(new VarInsnNode(t.getOpcode(Opcodes.ILOAD), slot));
            slot += t.getSize();
        }
        boolean itf = impl.getTag() == Opcodes.H_INVOKEINTERFACE;
        m.instructions.add(new MethodInsnNode(itf ? Opcodes.INVOKEINTERFACE : Opcodes.INVOKEVIRTUAL, impl.getOwner(),
                impl.getName(), impl.getDesc(), itf));
        m.instructions.add(new InsnNode(result.getOpcode(Opcodes.IRETURN)));
        m.maxLocals = slot;
        m.maxStack = Math.max(slot, result.getSize());
        return m;
    }
}
