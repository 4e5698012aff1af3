package dev.racecheck.agent.instrument;

import java.util.HashMap;
import java.util.Map;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * VarHandle access calls in application code ({@code invokevirtual java/lang/invoke/VarHandle.<mode>}, signature
 * polymorphic: any descriptor). The call's arguments are spilled to locals past racecheck's own, so that hooks in
 * {@code VarHandles} can be given the handle and its coordinates (receiver; array and index; none for a static
 * field), then reloaded for the call:
 * <pre>
 *   [vh c0 c1 v...]  store v..., c1, c0, vh
 *                    release(vh, c0, c1, ts)                         // release and volatile writes, RMWs
 *                    load vh c0 c1 v...; invokevirtual VarHandle.mode
 *   [r]              acquire(vh, c0, c1, ts)                         // acquire and volatile reads, RMWs
 *                    plainRead / plainWrite(vh, c0, c1, site, ts, base)   // get / set
 * </pre>
 * How many arguments are coordinates follows from the mode (each mode takes a fixed number of values). The spill
 * locals are dead at every stack map frame, so the frames need no change.
 */
final class VarHandleCalls {
    static final String OWNER = "dev/racecheck/agent/runtime/VarHandles";
    private static final String VAR_HANDLE = "java/lang/invoke/VarHandle";
    private static final String SYNC_DESC = "(Ljava/lang/Object;Ljava/lang/Object;I" + Hooks.TS + ")V";
    private static final String PLAIN_DESC = "(Ljava/lang/Object;Ljava/lang/Object;II" + Hooks.TS + "I)V";

    /** An access mode: how many value arguments it takes after the coordinates, and what racecheck does around it. */
    private record Mode(int values, boolean release, boolean acquire, String plain) {
    }

    /** Modes racecheck hooks; opaque modes and weakCompareAndSetPlain are absent: they order nothing. */
    private static final Map<String, Mode> MODES = new HashMap<>();

    static {
        MODES.put("get", new Mode(0, false, false, "plainRead"));
        MODES.put("set", new Mode(1, false, false, "plainWrite"));
        MODES.put("getVolatile", new Mode(0, false, true, null));
        MODES.put("getAcquire", new Mode(0, false, true, null));
        MODES.put("setVolatile", new Mode(1, true, false, null));
        MODES.put("setRelease", new Mode(1, true, false, null));
        for (String cas : new String[] {"compareAndSet", "compareAndExchange", "weakCompareAndSet"}) {
            MODES.put(cas, new Mode(2, true, true, null));
        }
        MODES.put("compareAndExchangeAcquire", new Mode(2, false, true, null));
        MODES.put("weakCompareAndSetAcquire", new Mode(2, false, true, null));
        MODES.put("compareAndExchangeRelease", new Mode(2, true, false, null));
        MODES.put("weakCompareAndSetRelease", new Mode(2, true, false, null));
        for (String rmw : new String[] {"getAndSet", "getAndAdd", "getAndBitwiseOr", "getAndBitwiseAnd",
                "getAndBitwiseXor"}) {
            MODES.put(rmw, new Mode(1, true, true, null));
            MODES.put(rmw + "Acquire", new Mode(1, false, true, null));
            MODES.put(rmw + "Release", new Mode(1, true, false, null));
        }
    }

    private VarHandleCalls() {
        // no instances
    }

    /** A VarHandle access in a mode racecheck hooks. */
    static boolean isModelled(MethodInsnNode call) {
        return call.getOpcode() == Opcodes.INVOKEVIRTUAL && call.owner.equals(VAR_HANDLE) && MODES.containsKey(call.name);
    }

    /**
     * Adds the hooks around {@code call} if it is a modelled VarHandle access.
     *
     * @param spill the first free local (past racecheck's)
     * @return how many local slots from {@code spill} on it used; 0 when the call was left alone
     */
    static int instrument(MethodNode method, MethodInsnNode call, int spill, int tsLocal, int baseLocal, int site) {
        if (!isModelled(call)) return 0;
        Mode mode = MODES.get(call.name);
        Type[] args = Type.getArgumentTypes(call.desc);
        int coordinates = args.length - mode.values();
        if (coordinates < 0 || coordinates > 2) return 0;
        if (coordinates >= 1 && !isReference(args[0])) return 0;
        if (coordinates == 2 && !isIntLike(args[1])) return 0;

        int[] slots = new int[args.length];
        int next = spill + 1; // spill: the handle
        for (int i = 0; i < args.length; i++) {
            slots[i] = next;
            next += args[i].getSize();
        }
        InsnList before = new InsnList();
        for (int i = args.length - 1; i >= 0; i--) before.add(new VarInsnNode(args[i].getOpcode(Opcodes.ISTORE), slots[i]));
        before.add(new VarInsnNode(Opcodes.ASTORE, spill));
        if (mode.release() && call.name.contains("compareAnd")) {
            // A compare-and-set writes, and releases, only when the variable holds the expected value: the hook reads
            // it and compares (primitives by their bits, as the VarHandle does; references by identity).
            target(before, spill, slots, coordinates);
            Type expected = args[coordinates];
            before.add(new VarInsnNode(expected.getOpcode(Opcodes.ILOAD), slots[coordinates]));
            String expectedDesc = bits(before, expected);
            before.add(new VarInsnNode(Opcodes.ALOAD, tsLocal));
            before.add(new MethodInsnNode(Opcodes.INVOKESTATIC, OWNER, "releaseIfSame",
                    "(Ljava/lang/Object;Ljava/lang/Object;I" + expectedDesc + Hooks.TS + ")V", false));
        } else if (mode.release()) {
            target(before, spill, slots, coordinates);
            before.add(new VarInsnNode(Opcodes.ALOAD, tsLocal));
            before.add(new MethodInsnNode(Opcodes.INVOKESTATIC, OWNER, "release", SYNC_DESC, false));
        }
        before.add(new VarInsnNode(Opcodes.ALOAD, spill));
        for (int i = 0; i < args.length; i++) before.add(new VarInsnNode(args[i].getOpcode(Opcodes.ILOAD), slots[i]));
        method.instructions.insertBefore(call, before);

        InsnList after = new InsnList();
        if (mode.acquire()) {
            target(after, spill, slots, coordinates);
            after.add(new VarInsnNode(Opcodes.ALOAD, tsLocal));
            after.add(new MethodInsnNode(Opcodes.INVOKESTATIC, OWNER, "acquire", SYNC_DESC, false));
        }
        if (mode.plain() != null) {
            target(after, spill, slots, coordinates);
            after.add(MethodInstrumenter.push(site));
            after.add(new VarInsnNode(Opcodes.ALOAD, tsLocal));
            after.add(new VarInsnNode(Opcodes.ILOAD, baseLocal));
            after.add(new MethodInsnNode(Opcodes.INVOKESTATIC, OWNER, mode.plain(), PLAIN_DESC, false));
        }
        method.instructions.insert(call, after);
        return next - spill;
    }

    /**
     * Turns the value of type {@code t} on the stack into what {@code releaseIfSame} compares: a reference as it is
     * (descriptor Object), a primitive as the long of its bits.
     */
    private static String bits(InsnList l, Type t) {
        switch (t.getSort()) {
            case Type.BOOLEAN: case Type.BYTE: case Type.CHAR: case Type.SHORT: case Type.INT:
                l.add(new InsnNode(Opcodes.I2L));
                return "J";
            case Type.LONG:
                return "J";
            case Type.FLOAT:
                l.add(new MethodInsnNode(Opcodes.INVOKESTATIC, "java/lang/Float", "floatToRawIntBits", "(F)I", false));
                l.add(new InsnNode(Opcodes.I2L));
                return "J";
            case Type.DOUBLE:
                l.add(new MethodInsnNode(Opcodes.INVOKESTATIC, "java/lang/Double", "doubleToRawLongBits", "(D)J",
                        false));
                return "J";
            default:
                return "Ljava/lang/Object;";
        }
    }

    private static final String METHOD_HANDLE = "java/lang/invoke/MethodHandle";
    private static final String REFLECTION = "dev/racecheck/agent/runtime/Reflection";

    /** {@code MethodHandle.invoke} or {@code invokeExact}: the handle may be a field getter or setter. */
    static boolean isMethodHandleInvoke(MethodInsnNode call) {
        return call.getOpcode() == Opcodes.INVOKEVIRTUAL && call.owner.equals(METHOD_HANDLE)
                && (call.name.equals("invoke") || call.name.equals("invokeExact"));
    }

    /**
     * Around a method handle's invocation: {@code Reflection.invoking(mh, first, ts)} before it (a volatile setter
     * releases) and {@code Reflection.invoked(mh, first, site, ts, base)} after it (a getter reads, a setter writes),
     * where {@code first} is the first argument if it is a reference (the receiver of an instance field's accessor),
     * else null. The arguments are spilled as for VarHandles.
     *
     * @return how many local slots from {@code spill} on it used
     */
    static int instrumentMethodHandle(MethodNode method, MethodInsnNode call, int spill, int tsLocal, int baseLocal,
                                      int site) {
        if (!isMethodHandleInvoke(call)) return 0;
        Type[] args = Type.getArgumentTypes(call.desc);
        boolean first = args.length >= 1 && isReference(args[0]);
        int[] slots = new int[args.length];
        int next = spill + 1; // spill: the handle
        for (int i = 0; i < args.length; i++) {
            slots[i] = next;
            next += args[i].getSize();
        }
        InsnList before = new InsnList();
        for (int i = args.length - 1; i >= 0; i--) before.add(new VarInsnNode(args[i].getOpcode(Opcodes.ISTORE), slots[i]));
        before.add(new VarInsnNode(Opcodes.ASTORE, spill));
        before.add(new VarInsnNode(Opcodes.ALOAD, spill));
        before.add(first ? new VarInsnNode(Opcodes.ALOAD, slots[0]) : new InsnNode(Opcodes.ACONST_NULL));
        before.add(new VarInsnNode(Opcodes.ALOAD, tsLocal));
        before.add(new MethodInsnNode(Opcodes.INVOKESTATIC, REFLECTION, "invoking",
                "(Ljava/lang/Object;Ljava/lang/Object;" + Hooks.TS + ")V", false));
        before.add(new VarInsnNode(Opcodes.ALOAD, spill));
        for (int i = 0; i < args.length; i++) before.add(new VarInsnNode(args[i].getOpcode(Opcodes.ILOAD), slots[i]));
        method.instructions.insertBefore(call, before);

        InsnList after = new InsnList();
        after.add(new VarInsnNode(Opcodes.ALOAD, spill));
        after.add(first ? new VarInsnNode(Opcodes.ALOAD, slots[0]) : new InsnNode(Opcodes.ACONST_NULL));
        after.add(MethodInstrumenter.push(site));
        after.add(new VarInsnNode(Opcodes.ALOAD, tsLocal));
        after.add(new VarInsnNode(Opcodes.ILOAD, baseLocal));
        after.add(new MethodInsnNode(Opcodes.INVOKESTATIC, REFLECTION, "invoked",
                "(Ljava/lang/Object;Ljava/lang/Object;I" + Hooks.TS + "I)V", false));
        method.instructions.insert(call, after);
        return next - spill;
    }

    /** Pushes the handle, the first coordinate (or null) and the index (or 0). */
    private static void target(InsnList l, int spill, int[] slots, int coordinates) {
        l.add(new VarInsnNode(Opcodes.ALOAD, spill));
        l.add(coordinates >= 1 ? new VarInsnNode(Opcodes.ALOAD, slots[0]) : new InsnNode(Opcodes.ACONST_NULL));
        l.add(coordinates == 2 ? new VarInsnNode(Opcodes.ILOAD, slots[1]) : new InsnNode(Opcodes.ICONST_0));
    }

    private static boolean isReference(Type t) {
        return t.getSort() == Type.OBJECT || t.getSort() == Type.ARRAY;
    }

    private static boolean isIntLike(Type t) {
        int s = t.getSort();
        return s == Type.INT || s == Type.SHORT || s == Type.CHAR || s == Type.BYTE;
    }
}
